// Batch party screening in real Chromium: an officer uploads a customer master file, watches the
// job's progress bar reach the end, reads the summary, and downloads the result CSV with the SDN hit
// and the line-numbered error of the bad row. Screenshots at 1366 and 390 px when SCREENSHOT_DIR is set.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { screenshot, SCREENSHOT_DIR } from './support/screenshot';

const FILE = ['id,name,country', 'K-1,"PETROLEOS DE VENEZUELA, S.A.",VE', 'K-2,Muster Logistik GmbH,DE', 'K-3,,FR', 'K-4,Nordic Cedar Optics Oy,FI'].join('\n');

test('an officer screens a party file in the background and downloads the result', async ({ page, signIn }) => {
  await signIn('officer');
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/screening/batch');
  await expect(page.getByRole('heading', { name: 'Batch screening' })).toBeVisible();
  await page.getByLabel('Party file (CSV)').setInputFiles({ name: 'customers-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });
  await page.getByRole('button', { name: 'Upload and screen' }).click();
  await expect(page).toHaveURL(/\/screening\/batch\?job=/);

  const batch = page.getByTestId('batch').filter({ hasText: 'customers-e2e.csv' }).first();
  await expect(batch).toContainText('4 rows, 1 with errors');
  // the progress bar follows the job row until it is done (the job runner screens it in the background)
  await expect(batch.getByTestId('batch-progress')).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 60_000 });
  await expect(batch.getByTestId('batch-summary')).toContainText('Prohibited1');
  await screenshot(page, 'batch-1366');

  const download = page.waitForEvent('download');
  await batch.getByRole('link', { name: 'Download result (CSV)' }).click();
  const file = await (await download).path();
  const csv = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.trim().split(/\r\n/);
  // Every field is quoted (lib/csv.ts: no cell can start a formula or a new row).
  expect(lines[0]).toMatch(/^"Line","Id","Name","Country","Outcome","Error","Hits","Hit 1 list","Hit 1 entry",/);
  expect(lines[1]).toMatch(/^"2","K-1","PETROLEOS DE VENEZUELA, S\.A\.","VE","PROHIBITED","","\d+","SDN","PETROLEOS DE VENEZUELA, S\.A\."/);
  expect(lines[3]).toMatch(/^"4","K-3","","FR","NOT SCREENED","Line 4: .*name is required/i);
  expect(lines).toHaveLength(5);

  // leaving and coming back: the batch is still listed with its result
  await page.goto('/cases');
  await page.goto('/screening/batch');
  await expect(page.getByTestId('batch').filter({ hasText: 'customers-e2e.csv' }).first().getByTestId('batch-progress')).toHaveAttribute(
    'data-status',
    'SUCCEEDED',
  );
  if (SCREENSHOT_DIR) {
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'batch-390');
  }
});
