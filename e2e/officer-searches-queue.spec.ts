// The officer finds one case among many: the queue's Search box by reference, product and party
// name; the query lives in the URL, so a search can be shared; the total and page numbers show.
import { expect, test } from './fixtures';
import { seedCase } from './support/seed';

test('search the review queue by reference, product and party; the URL carries the query', async ({ page, signIn }) => {
  const t = Date.now().toString(36);
  const wanted = seedCase({
    eccn: 'EAR99',
    country: 'DE',
    productName: `Kestrel turnstile ${t}`,
    endUserName: `Lindqvist Facilities ${t}`,
    consignee: `Hamburg Transit ${t}`,
    consigneeCountry: 'DE',
  });
  const other = seedCase({ eccn: 'EAR99', country: 'DE', productName: `Plover badge ${t}`, endUserName: `Moreau Bureaux ${t}` });

  await signIn('officer');
  await page.goto('/cases');
  const search = page.getByRole('searchbox', { name: 'Search' });

  await search.fill(wanted.reference);
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]q=${wanted.reference}`));
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('queue-row')).toContainText(`Kestrel turnstile ${t}`);
  await expect(page.getByTestId('queue-total')).toHaveText('1 case');
  await expect(page.getByText('Page 1 of 1')).toBeVisible();

  await search.fill(`plover ${t}`);
  await search.press('Enter');
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('queue-row')).toContainText(other.reference);

  // A consignee's name finds the case; a shared link opens the same search.
  await page.goto(`/cases?q=${encodeURIComponent(`hamburg transit ${t}`)}`);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(`hamburg transit ${t}`);
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('queue-row')).toContainText(wanted.reference);

  // Both cases share the tag; nothing else does.
  await page.goto(`/cases?q=${t}`);
  await expect(page.getByTestId('queue-row')).toHaveCount(2);
  await expect(page.getByTestId('queue-total')).toHaveText('2 cases');

  await page.goto(`/cases?q=${encodeURIComponent(`nothing-like-this ${t}`)}`);
  await expect(page.getByText(`No cases match “nothing-like-this ${t}” with these filters.`)).toBeVisible();
});
