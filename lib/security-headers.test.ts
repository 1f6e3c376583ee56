import { describe, expect, it } from 'vitest';
import { hasUnsafeUrl, isHttps, pageCsp } from '@/lib/security-headers';

describe('security headers (finding 8)', () => {
  it('the pages’ CSP allows scripts only with the nonce and forbids framing', () => {
    const csp = pageCsp({ nonce: 'abc123' });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(pageCsp({ nonce: 'n', https: true })).toContain('upgrade-insecure-requests');
  });

  it('HSTS only over https', () => {
    expect(isHttps('http://x/', null, '')).toBe(false);
    expect(isHttps('http://x/', 'https', '')).toBe(true);
    expect(isHttps('https://x/', null, '')).toBe(true);
    expect(isHttps('http://x/', null, 'https://clearance.example.com')).toBe(true);
  });

  it('every response carries nosniff, Referrer-Policy, X-Frame-Options; the JSON routes a CSP that allows nothing', async () => {
    const config = (await import('../next.config.js')).default as { headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
    const rules = await config.headers();
    const all = rules.find((r) => r.source === '/:path*')!.headers;
    expect(Object.fromEntries(all.map((h) => [h.key, h.value]))).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
    expect(rules.find((r) => r.source === '/api/:path*')!.headers).toContainEqual({
      key: 'Content-Security-Policy',
      value: expect.stringContaining("default-src 'none'"),
    });
  });

  it('URLs that decode to NUL, control characters or broken Unicode are refused', () => {
    expect(hasUnsafeUrl('/applications/%00', '')).toBe(true);
    expect(hasUnsafeUrl('/cases', '?organization=%00')).toBe(true);
    expect(hasUnsafeUrl('/cases', '?q=%ED%A0%80')).toBe(true); // UTF-8 of a lone surrogate: not decodable
    expect(hasUnsafeUrl('/cases/%E0%A4', '')).toBe(true);
    expect(hasUnsafeUrl('/cases', '?status=SUBMITTED&status=IN_REVIEW&q=M%C3%BCller')).toBe(false);
    expect(hasUnsafeUrl('/login', '?callbackUrl=/%09/evil.example/x')).toBe(false); // a tab is text in a query (the callback check handles it)
    expect(hasUnsafeUrl('/cases/%09', '')).toBe(true);
  });
});
