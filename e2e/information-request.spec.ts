// An officer asks for more information; the exporter answers, edits and resubmits; the case is
// screened again and both screenings stay in its history (PRODUCT.md §4).
import { expect, test } from './fixtures';
import { seedCase } from './support/seed';

test('request information → answer → edit and resubmit → screened again, both runs kept', async ({ page, signIn }) => {
  const c = seedCase({ eccn: 'EAR99', country: 'DE', productName: `Door controller ${Date.now()}` });

  await signIn('officer');
  await page.goto(`/cases/${c.id}`);
  await page.getByRole('tab', { name: 'Request information' }).click();
  const ask = page.getByRole('form', { name: 'Request information' });
  await ask.getByLabel('Message to the exporter').fill('Please confirm the number of door controllers and the installation address.');
  await ask.getByRole('button', { name: 'Request information' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('Information requested');

  await signIn('exporter');
  await page.goto(`/applications/${c.id}`);
  await expect(page.getByTestId('application-status')).toHaveText('Information requested');
  await expect(page.getByTestId('open-question')).toContainText('installation address');
  await page.getByLabel('Your answer').fill('Twelve controllers, installed at Hafenstrasse 5, Hamburg.');
  await page.getByRole('button', { name: 'Send answer' }).click();
  await expect(page.getByText('Answer sent.')).toBeVisible();

  await page.getByRole('link', { name: 'edit it and Resubmit' }).click();
  await expect(page.getByLabel('Quantity')).toBeVisible();
  await page.getByLabel('Quantity').fill('12');
  await page.getByRole('button', { name: 'Resubmit' }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${c.id}$`));
  await expect(page.getByTestId('application-status')).toHaveText('Submitted');
  await expect(page.getByRole('list', { name: 'Screening history' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByText('Resubmitted')).toBeVisible();

  await signIn('officer');
  await page.goto(`/cases/${c.id}`);
  await expect(page.getByTestId('case-status')).toHaveText('Submitted');
  await expect(page.getByText('Twelve controllers, installed at Hafenstrasse 5, Hamburg.')).toBeVisible();
  // The edited quantity is in the case file's line items now (no longer in the summary).
  await expect(page.getByRole('main')).toContainText('12');
});
