// Officer journey in real Chromium: officer 1 approves a licence-required case with a licence
// reference → "awaiting countersignature"; officer 1 cannot countersign; officer 2 countersigns;
// the exporter sees the approval and downloads the decision record.
import fs from 'node:fs';
import { expect, test } from './fixtures';
import { screenshot } from './support/screenshot';
import { seedCase } from './support/seed';

test('licence-required approval needs a countersignature by a second officer; the exporter gets the decision record', async ({ page, signIn }) => {
  const c = seedCase({ eccn: '3A981', country: 'BR', productName: `Thermal camera ${Date.now()}` });
  expect(c.outcome).toBe('LICENSE_REQUIRED');

  // Officer 1 finds it in the queue and opens the case file.
  await signIn('officer');
  await page.goto('/cases?sort=age');
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
  const row = page.getByTestId('queue-row').filter({ hasText: c.reference });
  await expect(row).toContainText('Licence required');
  await screenshot(page, 'queue');
  await row.getByRole('link', { name: c.reference }).click();
  await expect(page.getByTestId('case-outcome')).toHaveText('Licence required');
  await expect(page.getByRole('region', { name: 'Findings' })).toContainText('3A981 is controlled for CC1');

  // Approve without a licence reference: refused next to the fields, conditions kept.
  const approve = page.getByRole('form', { name: 'Approve' });
  await approve.getByLabel('Conditions').fill('No re-export without BIS authorisation.');
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(approve.getByText('A licence-required approval needs the licence reference')).toBeVisible();
  await expect(approve.getByLabel('Licence reference')).toHaveAttribute('aria-invalid', 'true');
  await expect(approve.getByLabel('Conditions')).toHaveValue('No re-export without BIS authorisation.');

  await approve.getByLabel('Licence reference').fill('D1234567');
  await approve.getByLabel('Licence expiry date').fill('2031-06-30');
  await approve.getByLabel('Decision note').fill('End use verified with the consignee.');
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('Awaiting countersignature');
  await expect(page.getByText(/awaiting countersignature/).first()).toBeVisible();
  await screenshot(page, 'case-awaiting');

  // Officer 1 cannot countersign their own approval.
  const countersign = page.getByRole('form', { name: 'Countersign' });
  await expect(countersign.getByText('You approved this case, so another officer must countersign it.')).toBeVisible();
  await expect(countersign.getByRole('button', { name: 'Countersign' })).toBeDisabled();

  // Officer 2 countersigns.
  await signIn('officer2');
  await page.goto(`/cases/${c.id}`);
  await expect(page.getByText(/awaiting countersignature/).first()).toBeVisible();
  await page.getByRole('form', { name: 'Countersign' }).getByRole('button', { name: 'Countersign' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('Approved');
  await expect(page.getByRole('region', { name: 'Decisions' })).toContainText('Countersigned by Omar Officer');
  await expect(page.getByRole('region', { name: 'Audit trail' })).toContainText('Countersigned');
  await screenshot(page, 'case-approved');

  // The exporter sees the approval and downloads the decision record.
  await signIn('exporter');
  await page.goto(`/applications/${c.id}`);
  await expect(page.getByTestId('application-status')).toHaveText('Approved');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: /decision record/i }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`${c.reference}-decision-record.pdf`);
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(1500);

  // Another organisation's exporter gets nothing.
  await signIn('exporter2');
  const other = await page.request.get(`/cases/${c.id}/record.pdf`);
  expect(other.status()).toBe(404);
});

test('the queue exports the filtered cases as CSV, and the dashboard counts them', async ({ page, signIn }) => {
  const c = seedCase({ eccn: 'EAR99', country: 'DE', endUserName: 'Bürogebäude "Nord", GmbH', productName: `=Badge reader ${Date.now()}` });
  expect(c.outcome).toBe('CLEAR');
  await signIn('officer');
  const csv = await page.request.get('/cases/export.csv?destination=DE&outcome=CLEAR');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = (await csv.body()).toString('utf8');
  // Every field is quoted (lib/csv.ts), so no value can start a formula or a new row.
  expect(text.startsWith('\uFEFF"Reference","Product",')).toBe(true);
  const line = text.split('\r\n').find((l) => l.startsWith(`"${c.reference}"`))!;
  // Quotes doubled inside a quoted field; a leading "=" is escaped so spreadsheets do not run it.
  expect(line).toContain('"Bürogebäude ""Nord"", GmbH"');
  expect(line).toContain(`'=Badge reader`);
  expect(line).toContain('Clear');

  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Cases by outcome' })).toContainText('Clear');
  await screenshot(page, 'dashboard');

  // Bulk approve from the queue.
  await page.goto('/cases?outcome=CLEAR&sort=age');
  await page.getByLabel(`Select ${c.reference} for bulk approval`).check();
  await page.getByRole('button', { name: 'Approve selected clear cases' }).click();
  // The second step names what will happen; Cancel changes nothing.
  const confirm = page.getByRole('dialog', { name: 'Approve the selected cases?' });
  await expect(confirm).toContainText('1 clear case will be approved');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await page.getByRole('button', { name: 'Approve selected clear cases' }).click();
  await confirm.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByText('1 clear case approved.')).toBeVisible();
  await page.goto(`/cases/${c.id}`);
  await expect(page.getByTestId('case-status')).toHaveText('Approved');
});

test('an officer clears a false-positive party match with a justification; the case is screened again', async ({ page, signIn }) => {
  // On the whole CSL "Hikvizion Digital" meets the Entity List and other lists' entries (e.g. the
  // CMIC list's Hikvision): each list's match is cleared on its own, and the case stays in Review
  // until the last one is (as the data-layer twin in lib/data/cases.integration.test.ts does).
  const c = seedCase({ eccn: 'EAR99', country: 'DE', endUserName: 'Hikvizion Digital', productName: `Door controller ${Date.now()}` });
  expect(c.outcome).toBe('REVIEW');
  await signIn('officer');
  await page.goto(`/cases/${c.id}`);
  const findings = page.getByRole('region', { name: 'Restricted-party match' });
  await expect(findings).toContainText('possibly matches');
  // Open findings: those that still offer "Clear match" (its form sits in a closed <details>).
  const open = () => findings.getByTestId('finding').filter({ has: page.locator('summary', { hasText: 'Clear match (false positive)…' }) });
  const entityFinding = open().filter({ hasText: /Entity List/ });
  await expect(entityFinding).toHaveCount(1);
  await entityFinding.getByText('Evidence').click();
  await expect(entityFinding).toContainText('BIS Entity List');
  await expect(entityFinding).toContainText('Matched tokens');
  const justification = 'Munich building-services firm, Handelsregister HRB 123456; no link to the listed entity.';

  // Every other list's match first: each clearance re-screens, the case stays in Review.
  const others = () => open().filter({ hasNotText: /Entity List/ });
  const count = await others().count();
  for (let n = 0; n < count; n++) {
    const other = others().first();
    await other.getByText('Clear match (false positive)…').click();
    await other.getByLabel('Justification').fill(justification);
    await other.getByRole('button', { name: 'Clear match' }).click();
    await expect(others()).toHaveCount(count - n - 1);
    await expect(page.getByTestId('case-outcome')).toHaveText('Review');
  }

  // The Entity List's match: a justification too short is refused and kept.
  await entityFinding.getByText('Clear match (false positive)…').click();
  const form = entityFinding.getByRole('form', { name: /^Clear match Hikvizion Digital/ });
  await form.getByLabel('Justification').fill('short');
  await form.getByRole('button', { name: 'Clear match' }).click();
  await expect(form.getByText('Explain why this is not the listed party')).toBeVisible();
  await expect(form.getByLabel('Justification')).toHaveValue('short');
  await screenshot(page, 'case-party-match');
  await form.getByLabel('Justification').fill(justification);
  await form.getByRole('button', { name: 'Clear match' }).click();
  await expect(page.getByTestId('case-outcome')).toHaveText('Clear');
  await expect(findings).toContainText('Cleared by Olivia Officer on');
  await expect(page.getByRole('region', { name: 'Screening history' })).toContainText('Re-screen by an officer');
  await expect(page.getByRole('region', { name: 'Screening history' })).toContainText('now cleared');
  await expect(page.getByRole('region', { name: 'Audit trail' })).toContainText('Party match cleared');
  await screenshot(page, 'case-cleared');
});
