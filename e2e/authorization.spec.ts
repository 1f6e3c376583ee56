// Every denied path next to its allowed twin, one describe per role. The server decides (data layer
// and route checks); hiding a button is never the protection.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seedCase } from './support/seed';

/** Exporter A saves a draft through the form and returns its id. */
async function createDraftAsExporterA(page: Page, productName: string): Promise<string> {
  await page.goto('/applications/new');
  await page.getByLabel('Product name', { exact: true }).fill(productName);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/applications\/[a-z0-9]+\/edit/);
  return /\/applications\/([a-z0-9]+)\/edit/.exec(page.url())![1]!;
}

test.describe('exporter', () => {
  test('organisation B gets 404 on organisation A’s application pages; A sees them', async ({ page, signIn }) => {
    await signIn('exporter');
    const id = await createDraftAsExporterA(page, 'Org A secret product');
    const own = await page.goto(`/applications/${id}`);
    expect(own?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'Org A secret product' })).toBeVisible();

    await signIn('exporter2');
    for (const path of [`/applications/${id}`, `/applications/${id}/edit`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
      await expect(page.getByText('Org A secret product')).toHaveCount(0);
    }
    await page.goto('/applications');
    await expect(page.getByText('Org A secret product')).toHaveCount(0);
  });

  test('organisation B gets 404 from the save action aimed at A’s application, and A’s data is unchanged', async ({ page, signIn }) => {
    await signIn('exporter');
    const id = await createDraftAsExporterA(page, 'Org A draft to protect');

    await signIn('exporter2');
    await page.goto('/applications/new');
    // A forged request: B's own form, pointed at A's application id.
    await page.evaluate((targetId) => {
      const form = document.querySelector('form[aria-describedby="form-status"]')!;
      for (const [name, value] of [
        ['id', targetId],
        ['version', '1'],
      ] as const) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.append(input);
      }
    }, id);
    await page.getByLabel('Product name', { exact: true }).fill('Overwritten by B');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();

    await signIn('exporter');
    await page.goto(`/applications/${id}/edit`);
    await expect(page.getByLabel('Product name', { exact: true })).toHaveValue('Org A draft to protect');
  });

  test('the ECCN lookup answers signed-in users only', async ({ page, signIn }) => {
    // The proxy sends anonymous visitors to sign in; the route itself answers 401 behind it.
    const anonymous = await page.request.get('/api/eccn?code=3A981', { maxRedirects: 0 });
    expect([307, 401]).toContain(anonymous.status());
    // Redirected to sign-in or refused: either way no CCL answer reaches an anonymous caller.
    expect(await anonymous.text()).not.toMatch(/"known"/);
    await signIn('exporter');
    const known = await page.request.get('/api/eccn?code=3A981');
    expect(known.status()).toBe(200);
    expect(await known.json()).toMatchObject({ known: true });
    expect(await (await page.request.get('/api/eccn?code=5A999')).json()).toEqual({ known: false, message: '5A999 is not on the Commerce Control List' });
  });

  test('officers cannot open the exporter pages (403), exporters can', async ({ page, signIn }) => {
    await signIn('officer');
    const denied = await page.goto('/applications/new');
    expect(denied?.status()).toBe(403);
    await signIn('exporter');
    const allowed = await page.goto('/applications/new');
    expect(allowed?.status()).toBe(200);
  });
});

test.describe('officer', () => {
  test('exporters get 403 on every officer page and route; officers and admins get them', async ({ page, signIn }) => {
    const c = seedCase({ productName: `Authz case ${Date.now()}` });
    const paths = ['/cases', `/cases/${c.id}`, '/dashboard', '/cases/export.csv'];
    for (const who of ['exporter', 'exporter2'] as const) {
      await signIn(who);
      for (const path of paths) expect((await page.request.get(path, { maxRedirects: 0 })).status(), `${who} ${path}`).toBe(403);
    }
    for (const who of ['officer', 'admin'] as const) {
      await signIn(who);
      for (const path of paths) expect((await page.request.get(path, { maxRedirects: 0 })).status(), `${who} ${path}`).toBe(200);
    }
  });

  test('the decision record: 404 for exporters before a decision and for other organisations; officers always', async ({ page, signIn }) => {
    const c = seedCase({ productName: `Authz record ${Date.now()}` });
    const pdf = `/cases/${c.id}/record.pdf`;
    await signIn('exporter');
    expect((await page.request.get(pdf)).status()).toBe(404);
    await signIn('officer');
    const officerView = await page.request.get(pdf);
    expect(officerView.status()).toBe(200);
    expect(officerView.headers()['content-type']).toBe('application/pdf');
    await signIn('exporter2');
    expect((await page.request.get(pdf)).status()).toBe(404);
  });
});
