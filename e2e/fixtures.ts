// Playwright fixtures: sign in as a demo user through next-auth's credentials endpoint (not by
// clicking through the login page in every test), so each test starts on a signed-in page.
import { test as base, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'clearance-demo';
export const USERS = {
  exporter: 'exporter@demo.test',
  exporter2: 'exporter2@demo.test',
  exporterDe: 'exporter-de@demo.test',
  officer: 'officer@demo.test',
  officer2: 'officer2@demo.test',
  admin: 'admin@demo.test',
} as const;
export type TDemoUser = keyof typeof USERS;

export async function signInAs(page: Page, who: TDemoUser) {
  const request = page.context().request;
  await request.get('/api/auth/signout'); // a context may carry another user's cookie
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: USERS[who], password: DEMO_PASSWORD, json: 'true' },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${who}`).toBeLessThan(400);
  const cookies = await page.context().cookies();
  expect(
    cookies.some((c) => c.name.endsWith('next-auth.session-token')),
    `session cookie for ${who}`,
  ).toBe(true);
}

export const test = base.extend<{ signIn: (who: TDemoUser) => Promise<void> }>({
  signIn: async ({ page }, use) => {
    await use((who) => signInAs(page, who));
  },
});

export { expect };
