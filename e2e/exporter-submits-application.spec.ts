// The exporter's journey in real Chromium: fill the form, submit, see the screening outcome with
// its reasons; errors shown at their fields with nothing typed lost; drafts with stale-tab
// protection; the whole form done with the keyboard alone.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/h3/${name}.png`, fullPage: true });
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

test.describe('exporter submits an application', () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn('exporter');
  });

  test('1:N live-video face identification for Chinese police is Prohibited, with the biometric-policy finding and its citation', async ({ page }) => {
    await page.goto('/applications/new');
    await expect(page.getByRole('heading', { name: 'New application' })).toBeVisible();
    await field(page, 'Product name').fill('FaceFind Enterprise 5');
    await field(page, 'Description').fill('Face identification server that searches camera streams against a watch list.');
    await field(page, 'ECCN').fill('3A981');
    await expect(page.locator('#f-lineItems-0-eccn-check')).toContainText('✓');
    await field(page, 'Product type').selectOption({ label: 'Hardware' });
    await field(page, 'Quantity').fill('4');
    await field(page, 'Unit value (USD)').fill('12000');
    await expect(page.getByRole('heading', { name: 'Biometric capabilities' })).toBeHidden();
    await field(page, 'Biometric product').check();
    await expect(page.getByRole('heading', { name: 'Biometric capabilities' })).toBeVisible();
    await field(page, 'Modality').selectOption({ label: 'Face' });
    await field(page, 'Matching mode').selectOption({ label: '1:N identification' });
    await field(page, 'Maximum gallery size').fill('10000000');
    await page.getByRole('group', { name: 'Identifies people in live video' }).getByLabel('Yes').check();
    await page.getByRole('group', { name: 'Remote gallery access' }).getByLabel('No').check();
    await field(page, 'Training data consent').selectOption({ label: 'Unknown' });
    await field(page, 'Destination country').fill('China');
    await field(page, 'End user name').fill('Municipal Public Security Bureau');
    await field(page, 'End user country').fill('China');
    await field(page, 'End user address').fill('1 Security Road, Urumqi');
    await field(page, 'End user type').selectOption({ label: 'Law enforcement' });
    await page.getByRole('button', { name: 'Add consignee' }).click();
    await field(page, 'Consignee name').fill('Gulf Integration FZE');
    await field(page, 'Consignee country').fill('United Arab Emirates');
    await field(page, 'Consignee role').selectOption({ label: 'Intermediate consignee' });
    await field(page, 'End-use category').selectOption({ label: 'Surveillance of public spaces' });
    await field(page, 'End-use description').fill('Live identification of people in city-centre camera feeds.');
    await shot(page, 'form-filled');
    await page.getByRole('button', { name: 'Submit application' }).click();

    await expect(page).toHaveURL(/\/applications\/[a-z0-9]+$/);
    await expect(page.getByTestId('application-outcome')).toHaveText('Prohibited');
    await expect(page.getByTestId('application-status')).toHaveText('Submitted');
    const biometric = page.getByTestId('finding').filter({ hasText: 'Biometric policy' }).filter({ hasText: 'Prohibited' });
    await expect(biometric.first()).toBeVisible();
    await expect(biometric.first()).toContainText('Company policy');
    await expect(biometric.first().locator('cite')).toContainText('89 FR 60998');
    await expect(page.getByRole('list', { name: 'Data as-of dates' })).toContainText(/: \d{1,2} [A-Z][a-z]{2,3} \d{4}/); // dates in words (lib/format.ts), e.g. "31 Jul 2026"
    await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
    await expect(page.getByText('Screened on submission: Prohibited')).toBeVisible();
    await shot(page, 'case-prohibited');

    await page.getByRole('link', { name: 'Applications' }).first().click();
    const row = page.getByRole('row').filter({ hasText: 'FaceFind Enterprise 5' });
    await expect(row).toContainText('China');
    await expect(row).toContainText('Prohibited');
    await shot(page, 'list');
  });

  test('EAR99 product for a commercial end user in Germany is Clear', async ({ page }) => {
    await page.goto('/applications/new');
    await field(page, 'Product name').fill('Door badge reader');
    await field(page, 'Description').fill('RFID badge reader for office doors.');
    await field(page, 'ECCN').fill('ear99');
    await field(page, 'Product type').selectOption({ label: 'Hardware' });
    await field(page, 'Quantity').fill('20');
    await field(page, 'Unit value (USD)').fill('150');
    await field(page, 'Destination country').fill('Germany');
    await field(page, 'End user name').fill('Muster Logistik GmbH');
    await field(page, 'End user country').fill('Germany');
    await field(page, 'End user address').fill('Hauptstraße 1, 10115 Berlin');
    await field(page, 'End user type').selectOption({ label: 'Commercial' });
    await field(page, 'End-use category').selectOption({ label: 'Access control' });
    await field(page, 'End-use description').fill('Staff entrances.');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect(page).toHaveURL(/\/applications\/[a-z0-9]+$/);
    await expect(page.getByTestId('application-outcome')).toHaveText('Clear');
    await expect(page.getByText('Destination').locator('..')).toContainText('Germany');
    await shot(page, 'case-clear');
  });

  test('invalid input: every error at its field, announced, and every typed value kept', async ({ page }) => {
    await page.goto('/applications/new');
    await field(page, 'Product name').fill('Partial Cam');
    await field(page, 'ECCN').fill('5A999');
    await expect(page.locator('#f-lineItems-0-eccn-check')).toHaveText('5A999 is not on the Commerce Control List');
    await field(page, 'Quantity').fill('-3');
    await field(page, 'Biometric product').check();
    await field(page, 'Modality').selectOption({ label: 'Face' });
    await field(page, 'Maximum gallery size').fill('500');
    await field(page, 'Destination country').fill('Germany');
    await page.getByRole('button', { name: 'Add consignee' }).click();
    await field(page, 'Consignee name').fill('Hub Ltd');
    await field(page, 'The shipping route is abnormal for the item and destination').check();
    await page.getByRole('button', { name: 'Submit application' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'problems with this application' });
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    const expectError = async (label: string, message: string | RegExp) => {
      await expect(field(page, label)).toHaveAttribute('aria-invalid', 'true');
      await expect(field(page, label)).toHaveAccessibleDescription(message instanceof RegExp ? message : new RegExp(message));
    };
    await expectError('Description', 'Description is required');
    await expectError('ECCN', '5A999 is not on the Commerce Control List');
    await expectError('Quantity', 'Quantity must be greater than zero');
    await expectError('Product type', 'Choose the product type');
    await expectError('Matching mode', 'Choose the matching mode');
    await expectError('End user name', 'End user name is required');
    await expectError('Consignee country', 'Choose a country');
    await expect(page.getByRole('group', { name: 'Identifies people in live video' })).toHaveAccessibleDescription(
      /Say whether it identifies people in live video/,
    );
    await expect(field(page, 'Destination country')).not.toHaveAttribute('aria-invalid', 'true');
    await shot(page, 'form-errors');

    // Nothing typed is lost.
    await expect(field(page, 'Product name')).toHaveValue('Partial Cam');
    await expect(field(page, 'ECCN')).toHaveValue('5A999');
    await expect(field(page, 'Quantity')).toHaveValue('-3');
    await expect(field(page, 'Biometric product')).toBeChecked();
    await expect(field(page, 'Modality')).toHaveValue('FACE');
    await expect(field(page, 'Maximum gallery size')).toHaveValue('500');
    await expect(field(page, 'Destination country')).toHaveValue('Germany');
    await expect(field(page, 'Consignee name')).toHaveValue('Hub Ltd');
    await expect(field(page, 'The shipping route is abnormal for the item and destination')).toBeChecked();

    // The summary links lead to the fields.
    await summary.getByRole('link', { name: 'Quantity must be greater than zero' }).click();
    await expect(page).toHaveURL(/#f-lineItems-0-quantity$/);
  });

  test('drafts save partial data; a stale tab is refused with a clear message and loses nothing', async ({ page, context }) => {
    await page.goto('/applications/new');
    await field(page, 'Product name').fill('Draft thermal camera');
    await field(page, 'ECCN').fill('6A003');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page).toHaveURL(/\/applications\/[a-z0-9]+\/edit/);
    await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
    await expect(field(page, 'Product name')).toHaveValue('Draft thermal camera');
    await expect(field(page, 'ECCN')).toHaveValue('6A003');

    const other = await context.newPage();
    await other.goto(page.url());
    await field(other, 'Description').fill('Edited in the second tab');
    await other.getByRole('button', { name: 'Save draft' }).click();
    await expect(other.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();

    await field(page, 'Description').fill('Edited in the first, stale tab');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'changed elsewhere' })).toBeVisible();
    await expect(field(page, 'Description')).toHaveValue('Edited in the first, stale tab');
    await shot(page, 'draft-stale');

    await other.reload();
    await expect(field(other, 'Description')).toHaveValue('Edited in the second tab');
    await other.close();
  });

  test('keyboard only: the form can be completed and submitted without a mouse', async ({ page }) => {
    await page.goto('/applications/new');
    /** Presses Tab until the focused control's accessible name matches, like a keyboard user would. */
    const tabTo = async (name: string) => {
      for (let i = 0; i < 60; i += 1) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          if (!el) return '';
          return (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '').trim();
        });
        if (focused === name) return;
      }
      throw new Error(`could not reach "${name}" with Tab`);
    };
    await tabTo('Product name');
    await page.keyboard.type('Keyboard reader');
    await tabTo('Description');
    await page.keyboard.type('Badge reader, typed without a mouse.');
    await tabTo('ECCN');
    await page.keyboard.type('EAR99');
    await tabTo('Product type');
    await page.keyboard.type('Hardware');
    await tabTo('Quantity');
    await page.keyboard.type('5');
    await tabTo('Unit value (USD)');
    await page.keyboard.type('99');
    await tabTo('Destination country');
    await page.keyboard.type('Germany');
    await tabTo('End user name');
    await page.keyboard.type('Keyboard GmbH');
    await tabTo('End user country');
    await page.keyboard.type('Germany');
    await tabTo('End user address');
    await page.keyboard.type('Tastenweg 1, Berlin');
    await tabTo('End user type');
    await page.keyboard.type('Commercial');
    await tabTo('Add consignee');
    await page.keyboard.press('Enter');
    await expect(field(page, 'Consignee name')).toBeFocused();
    await page.keyboard.type('Berlin Freight GmbH');
    await tabTo('Consignee country');
    await page.keyboard.type('Germany');
    await tabTo('Consignee role');
    await page.keyboard.type('Ultimate');
    await tabTo('End-use category');
    await page.keyboard.type('Access');
    await tabTo('End-use description');
    await page.keyboard.type('Doors.');
    await tabTo('Submit application');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/applications\/[a-z0-9]+$/);
    await expect(page.getByTestId('application-outcome')).toHaveText('Clear');
    // the consignee typed with the keyboard, as the application's summary shows it (role and country)
    const consignee = page.getByTestId('application-summary').getByRole('listitem').filter({ hasText: 'Berlin Freight GmbH' });
    await expect(consignee).toContainText('Germany (DE)');
  });
});
