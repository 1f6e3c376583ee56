// An admin edits a draft rule (a bad edit is refused with the error next to its field and what was
// typed kept; a good one is saved), edits a country's risk data, and manages users: creates one
// (field errors first), deactivates them, and the deactivated user cannot sign in.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { screenshot } from './support/screenshot';

async function openDraft(page: Page) {
  await page.goto('/admin/rules');
  const create = page.getByRole('button', { name: 'Create a draft' });
  if (await create.isVisible()) {
    await create.click();
    await page.waitForURL(/\/admin\/rules\?version=/);
  }
  await expect(page.getByRole('heading', { name: 'Draft: preview and publish' })).toBeVisible();
}

test('a bad rule edit is refused with field errors; a good one is saved in the draft only', async ({ page, signIn }) => {
  await signIn('admin');
  await openDraft(page);
  const rule = page.getByTestId('rule-party.restricted-lists');
  await rule.getByText('Edit this rule').click();
  const strong = rule.getByLabel('Strong match from score');
  const possible = rule.getByLabel('Possible match from score');
  await strong.fill('0.85');
  await possible.fill('0.9');
  await rule.getByRole('button', { name: 'Save rule' }).click();
  await expect(rule.getByText('The possible-match score cannot be higher than the strong-match score')).toBeVisible();
  await expect(possible).toHaveAttribute('aria-invalid', 'true');
  await expect(strong).toHaveValue('0.85'); // what was typed is kept
  await screenshot(rule, 'rules-edit-error');

  await possible.fill('0.82');
  await rule.getByRole('button', { name: 'Save rule' }).click();
  await expect(rule.getByText('Saved in the draft.')).toBeVisible();
  await expect(rule.getByText('Strong match from score').first()).toBeVisible();
  await expect(rule.locator('dd').filter({ hasText: /^0\.85$/ })).toHaveCount(1);

  // the active version is unchanged
  await page.getByRole('link', { name: 'Active version' }).click();
  await expect(
    page
      .getByTestId('rule-party.restricted-lists')
      .locator('dd')
      .filter({ hasText: /^0\.92$/ }),
  ).toHaveCount(1);
  await expect(page.getByText('Edit this rule')).toHaveCount(0);

  // country risk data in the draft
  await page.getByRole('link', { name: 'Draft', exact: true }).click();
  // The active version's page has the same search box: wait for the draft before searching in it.
  await expect(page.getByRole('heading', { name: 'Draft: preview and publish' })).toBeVisible();
  await page.getByLabel('Find a country').fill('Brazil');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: 'Edit Brazil' }).click();
  const brazil = page.getByRole('form', { name: 'Edit Brazil' });
  await brazil.getByLabel('Country Groups').fill('A:5, Z:9');
  await brazil.getByRole('button', { name: 'Save Brazil' }).click();
  await expect(brazil.getByText('Not a known country group: Z:9')).toBeVisible();
  await expect(brazil.getByLabel('Country Groups')).toHaveAttribute('aria-invalid', 'true');
  await brazil.getByLabel('Country Groups').fill('A:5, B');
  await brazil.getByLabel('Freedom House status').selectOption('PF');
  await brazil.getByRole('button', { name: 'Save Brazil' }).click();
  await expect(brazil.getByText('Country data saved in the draft.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Brazil' }).first()).toContainText('Partly Free');
  await screenshot(page.locator('section').filter({ has: page.getByRole('heading', { name: 'Country risk data' }) }), 'rules-country-edit');
});

test('admin creates and deactivates a user: their session ends and they cannot sign in', async ({ page, signIn, browser }) => {
  await signIn('admin');
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'Create a user' });
  await form.getByLabel('Name').fill('Tess Tester');
  await form.getByLabel('Email').fill('not-an-email');
  await form.getByLabel('Role').selectOption('EXPORTER');
  await form.getByLabel('Initial password').fill('short');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText('Enter an email address such as name@example.com')).toBeVisible();
  await expect(form.getByText('Choose the organisation this exporter works for')).toBeVisible();
  await expect(form.getByText('The initial password needs at least 12 characters')).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveValue('Tess Tester');
  await expect(form.getByLabel('Initial password')).toHaveValue('');
  await screenshot(form, 'users-errors');

  const email = `tess-${Date.now()}@demo.test`;
  const password = 'correct horse battery';
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Organisation').selectOption({ label: 'Demo Exporter Inc.' });
  await form.getByLabel('Initial password').fill(password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText(`Tess Tester can now sign in as ${email}.`)).toBeVisible();
  const row = page.getByTestId(`user-${email}`);
  await expect(row).toContainText('Exporter');
  await expect(row).toContainText('Demo Exporter Inc.');

  // The new user signs in in another browser.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const theirs = await other.newPage();
  const signInThrough = async () => {
    await theirs.goto('/login');
    await theirs.getByLabel('Email').fill(email);
    await theirs.getByLabel('Password').fill(password);
    await theirs.getByRole('button', { name: 'Sign in' }).click();
  };
  await signInThrough();
  await expect(theirs).toHaveURL(/\/applications$/);

  await row.getByRole('button', { name: 'Deactivate Tess Tester' }).click();
  await expect(row.getByText('Deactivated', { exact: true })).toBeVisible();
  await screenshot(page, 'users');

  // Their open session has ended, and they cannot sign in again.
  await theirs.goto('/applications');
  await expect(theirs).toHaveURL(/\/login/);
  await signInThrough();
  await expect(theirs.locator('#login-error')).toHaveText('Email or password is incorrect.');
  await other.close();
});
