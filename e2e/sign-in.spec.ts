import { expect, test } from './fixtures';

const landings = [
  ['exporter@demo.test', '/applications', 'Exporter'],
  ['officer@demo.test', '/cases', 'Compliance officer'],
  ['admin@demo.test', '/admin/rules', 'Administrator'],
] as const;

test.describe('sign-in', () => {
  for (const [email, landing, role] of landings) {
    test(`${email} signs in and lands on ${landing}`, async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/login/);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('clearance-demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(new RegExp(`${landing}$`));
      await expect(page.getByTestId('signed-in-role')).toHaveText(role);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/login/);
    });
  }

  test('wrong password and unknown email get the same answer', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('officer2@demo.test');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const message = page.locator('#login-error');
    await expect(message).toHaveText('Email or password is incorrect.');
    await page.getByLabel('Email').fill('nobody@demo.test');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(message).toHaveText('Email or password is incorrect.');
  });

  // An address nobody uses, so no other test is locked out (integration tests cover a real account).
  test('repeated failures for an account are refused for a while', async ({ page }) => {
    await page.goto('/login');
    const email = 'locked-out@demo.test';
    await page.getByLabel('Email').fill(email);
    for (let i = 0; i < 10; i += 1) {
      await page.getByLabel('Password').fill(`wrong-${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.locator('#login-error')).toHaveText('Email or password is incorrect.');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    }
    await page.getByLabel('Password').fill('one-more-try');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#login-error')).toHaveText(/Too many failed sign-ins\. Try again in (1[0-5]|[1-9]) minutes?\./); // counters in 15-minute windows: the wait runs to the window's end
    await expect(page).toHaveURL(/\/login/);
  });

  test('anonymous visitors are sent to the sign-in page', async ({ page }) => {
    await page.goto('/cases');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcases/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });
});
