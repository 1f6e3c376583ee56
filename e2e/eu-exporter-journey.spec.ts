// A German organisation's journey (issue 16) in real Chromium: the form asks "Subject to the EAR" and
// the EU control code (validated against Annex I, proposed from the ECCN), the screening applies
// Regulation (EU) 2021/821 (Art. 3: a machine tool to China needs an authorisation; to Japan EU001
// covers it) and skips the EAR for an item not subject to it; the officer sees the regimes side by
// side and downloads the decision record; the sources page carries the EU attribution.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/hb-eu/${name}.png`, fullPage: true });
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function fillMachineTool(page: Page, destination: string, endUser: string) {
  await field(page, 'Product name').fill('Rheinwerk FM-5 five-axis milling machine');
  await field(page, 'Description').fill('Five-axis machining centre with contouring control, positioning accuracy 4 µm.');
  await field(page, 'ECCN').fill('2B001.a');
  await field(page, 'Product type').selectOption({ label: 'Hardware' });
  await field(page, 'Quantity').fill('1');
  await field(page, 'Unit value (USD)').fill('250000');
  await page.getByRole('group', { name: 'Subject to the EAR' }).getByLabel('No', { exact: true }).check();
  await field(page, 'Destination country').fill(destination);
  await field(page, 'End user name').fill(endUser);
  await field(page, 'End user country').fill(destination);
  await field(page, 'End user address').fill('1 Industrial Park Road');
  await field(page, 'End user type').selectOption({ label: 'Commercial' });
  await field(page, 'End-use category').selectOption({ label: 'Other' });
  await field(page, 'End-use description').fill('Production of gearbox housings for agricultural machinery.');
}

test.describe('an exporter established in Germany', () => {
  test('the EU regime beside the EAR: form, screening, officer view by regime, decision record, sources', async ({ page, signIn }) => {
    test.setTimeout(120_000);
    await signIn('exporterDe');
    await page.goto('/applications/new');
    await expect(page.getByRole('group', { name: 'Subject to the EAR' })).toBeVisible();
    await expect(field(page, 'EU control code')).toBeVisible();

    await fillMachineTool(page, 'China', 'Shenzhen Precision Parts Co., Ltd.');
    // the ECCN's code exists in Annex I: the form proposes it
    await page.getByRole('button', { name: 'Use 2B001.a' }).click();
    await expect(field(page, 'EU control code')).toHaveValue('2B001.a');
    // an unknown code is an error at its field, and what was typed stays
    await field(page, 'EU control code').fill('2B999');
    await page.getByRole('button', { name: 'Submit application' }).click();
    // the first action on a fresh server builds the rule set (party index): allow for it under load
    await expect(page.locator('#f-lineItems-0-euControlCode-error')).toContainText('Not a code of Annex I', { timeout: 60_000 });
    await expect(field(page, 'EU control code')).toHaveAttribute('aria-invalid', 'true');
    await expect(field(page, 'EU control code')).toHaveValue('2B999');
    await expect(field(page, 'Product name')).toHaveValue('Rheinwerk FM-5 five-axis milling machine');
    await field(page, 'EU control code').fill('2B001.a');
    await page.setViewportSize({ width: 1366, height: 900 });
    await shot(page, 'form-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'form-390');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect(page).toHaveURL(/\/applications\/[a-z0-9]+$/, { timeout: 60_000 });
    await expect(page.getByTestId('application-outcome')).toHaveText('Licence required');
    // the exporter's own page says what they declared per item
    await expect(page.getByTestId('item-regimes').first()).toContainText('EU control code: 2B001.a');
    await expect(page.getByTestId('item-regimes').first()).toContainText('subject to the EAR:');
    const caseId = page.url().split('/').at(-1)!;

    // the same machine tool to Japan: EU001 covers it (not licence required)
    await page.goto('/applications/new');
    await fillMachineTool(page, 'Japan', 'Osaka Tooling KK');
    await field(page, 'EU control code').fill('2B001.a');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect(page).toHaveURL(/\/applications\/[a-z0-9]+$/);
    await expect(page.getByTestId('application-outcome')).not.toHaveText('Licence required');
    await expect(page.getByTestId('application-outcome')).toHaveText('Review');

    // the officer sees the regimes side by side
    await signIn('officer');
    await page.goto(`/cases/${caseId}`);
    const regimes = page.getByRole('region', { name: 'Regimes screened' });
    await expect(regimes).toContainText('exporter established in DE');
    const eu = regimes.getByTestId('regime-EU_2021_821');
    await expect(eu).toContainText('Licence required');
    await expect(eu).toContainText('Art. 3(1)');
    await expect(eu).toContainText('EU Annex I (Reg. 2021/821) 2025-11-15');
    await expect(regimes.getByTestId('regime-US_EAR')).toContainText('not subject to the EAR');
    await expect(regimes.getByTestId('regime-US_EAR')).not.toContainText('Licence required');
    await expect(regimes.getByTestId('regime-EU_SANCTIONS')).toContainText('EU consolidated financial sanctions list');
    await expect(regimes.getByTestId('regime-UN')).toBeVisible();
    await shot(page, 'case-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'case-390');
    await page.setViewportSize({ width: 1366, height: 900 });

    const pdf = await page.request.get(`/cases/${caseId}/record.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    await page.goto('/sources');
    await expect(page.getByRole('region', { name: 'Attributions' })).toContainText('© European Union');
    await expect(page.getByRole('region', { name: 'Datasets in force' })).toContainText('EU Annex I (Reg. 2021/821)');
  });
});
