// An officer saves the queue's current filters, sort and search as a named view, finds it as a tab
// above the queue, opens it (the URL carries the filters), renames and deletes it; another officer
// never sees it.
import { expect, test } from './fixtures';

test('saved view round trip: save → tab → open → rename → delete; private to its officer', async ({ page, signIn }) => {
  const name = `China licence ${Date.now().toString(36)}`;
  await signIn('officer');
  await page.goto('/cases?outcome=LICENSE_REQUIRED&sort=age&q=camera');
  const tabs = page.getByRole('navigation', { name: 'Saved views' });
  await expect(tabs.getByRole('link', { name: 'All open cases' })).not.toHaveAttribute('aria-current', 'page');

  await page.getByText('Save this view…').click();
  const save = page.getByRole('form', { name: 'Save this view' });
  await save.getByLabel('View name').fill(name);
  await save.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByText(`Saved “${name}”`)).toBeVisible();
  await expect(tabs.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');

  // From the unfiltered queue, the tab brings the filters back (in the URL and the form).
  await tabs.getByRole('link', { name: 'All open cases' }).click();
  await expect(page).toHaveURL(/\/cases$/);
  await expect(tabs.getByRole('link', { name: 'All open cases' })).toHaveAttribute('aria-current', 'page');
  await tabs.getByRole('link', { name }).click();
  await expect(page).toHaveURL(/q=camera/);
  await expect(page).toHaveURL(/outcome=LICENSE_REQUIRED/);
  await expect(page).toHaveURL(/sort=age/);
  const filters = page.getByRole('form', { name: 'Filters' });
  await expect(filters.getByLabel('Search')).toHaveValue('camera');
  await expect(filters.getByLabel('Outcome')).toHaveValue('LICENSE_REQUIRED');
  await expect(filters.getByLabel('Sort by')).toHaveValue('age');
  await expect(tabs.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');

  // Another officer has their own tabs.
  await signIn('officer2');
  await page.goto('/cases');
  await expect(page.getByRole('navigation', { name: 'Saved views' }).getByRole('link', { name })).toHaveCount(0);

  await signIn('officer');
  await page.goto('/cases');
  await page.getByText('Manage views…').click();
  const renamed = `${name} (renamed)`;
  const rename = page.getByRole('form', { name: `Rename view ${name}` });
  await rename.getByLabel(`Name of “${name}”`).fill(renamed);
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByText(`Renamed to “${renamed}”`)).toBeVisible();
  await expect(tabs.getByRole('link', { name: renamed })).toBeVisible();

  await page.reload();
  await page.getByText('Manage views…').click();
  await page
    .getByRole('form', { name: `Delete view ${renamed}` })
    .getByRole('button', { name: `Delete “${renamed}”` })
    .click();
  await expect(page.getByText(`Deleted “${renamed}”`)).toBeVisible();
  await expect(tabs.getByRole('link', { name: renamed })).toHaveCount(0);
});
