// Issue 13 through the running server: security headers, the nonce-based CSP leaving the app
// working, no open redirect after sign-in, public/ files, bidi isolation.
import { expect, test } from '@playwright/test';

const PASSWORD = process.env.DEMO_PASSWORD ?? 'clearance-demo';

test('pages carry a nonce CSP, frame-ancestors none, nosniff and Referrer-Policy; the JSON API too', async ({ request }) => {
  const login = await request.get('/login');
  expect(login.status()).toBe(200);
  const h = login.headers();
  expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-frame-options']).toBe('DENY');
  const nonce = /'nonce-([^']+)'/.exec(h['content-security-policy']!)![1]!;
  const html = await login.text();
  // Every script Next.js wrote carries this request's nonce.
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  // A second request gets another nonce.
  const again = (await request.get('/login')).headers()['content-security-policy']!;
  expect(again).not.toContain(nonce);

  const api = await request.get('/api/health');
  expect(api.headers()['content-security-policy']).toContain("default-src 'none'");
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
});

test('favicon, icon and logo are served from public/ (no 404 on a page load)', async ({ page, request }) => {
  for (const file of ['/favicon.ico', '/icon.svg', '/logo.svg']) expect((await request.get(file)).status()).toBe(200);
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto('/login');
  await page.waitForLoadState('networkidle');
  expect(failed).toEqual([]);
  // No CSP violation: the app's scripts ran (the form is interactive) and nothing was blocked.
  expect(errors.filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]);
});

for (const evil of ['/%5Cevil.example/x', '/%09/evil.example/x', '//evil.example/x', 'https://evil.example/x', '/\\evil.example']) {
  test(`after sign-in, callbackUrl=${evil} stays on this site`, async ({ page, baseURL }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(evil).replace(/%25/g, '%')}`);
    await page.getByLabel('Email').fill('exporter@demo.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/login', { timeout: 20_000 });
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}

// X-Forwarded-For: the e2e server raises the per-address limit for the browser tests, so the rewrite
// is tested on a real http.Server in lib/client-address.test.ts.

test('user text is isolated: a right-to-left override cannot reorder neighbouring text', async ({ page }) => {
  await page.goto('/login');
  const bidi = await page.evaluate(() => {
    const span = document.createElement('span');
    span.textContent = '\u202Eevil';
    document.body.appendChild(span);
    return getComputedStyle(span).unicodeBidi;
  });
  expect(bidi).toBe('isolate');
});
