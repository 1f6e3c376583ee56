// Every role reaches its own pages and is refused (HTTP 403 from the server, not a hidden link) on
// the others'. The navigation shows only what the role may use.
import { expect, test, type TDemoUser } from './fixtures';

const PAGES = {
  '/applications': ['exporter'],
  '/applications/new': ['exporter'],
  '/cases': ['officer', 'admin'],
  '/dashboard': ['officer', 'admin'],
  '/admin/rules': ['admin'],
  '/admin/lists': ['admin'],
  '/admin/users': ['admin'],
  '/admin/api-keys': ['admin'],
} as const satisfies Record<string, readonly TDemoUser[]>;

for (const who of ['exporter', 'officer', 'admin'] as const) {
  test(`${who}: allowed pages load, the others answer 403`, async ({ page, signIn }) => {
    await signIn(who);
    for (const [path, allowed] of Object.entries(PAGES)) {
      const response = await page.goto(path);
      const expected = (allowed as readonly string[]).includes(who) ? 200 : 403;
      expect(response?.status(), `${who} → ${path}`).toBe(expected);
      if (expected === 403) await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
    }
    const nav = page.getByRole('navigation', { name: 'Main' });
    await page.goto('/');
    for (const [path, allowed] of Object.entries(PAGES)) {
      const link = nav.locator(`a[href="${path}"]`);
      if ((allowed as readonly string[]).includes(who)) await expect(link).toHaveCount(1);
      else await expect(link).toHaveCount(0);
    }
  });
}

test('signed-out requests to protected routes never return data', async ({ request }) => {
  for (const path of Object.keys(PAGES)) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location).toContain('/login');
  }
});
