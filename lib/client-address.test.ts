import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { installClientAddressRewrite, trustedForwardedFor } from '@/lib/client-address';
import { clientIpFrom } from '@/lib/rate-limit';

describe('client address (finding 2)', () => {
  it('with no trusted proxy, only the socket address counts', () => {
    expect(trustedForwardedFor('6.6.6.6', '10.0.0.5', 0)).toBe('10.0.0.5');
    expect(trustedForwardedFor(['1.1.1.1, 2.2.2.2'], '10.0.0.5', 0)).toBe('10.0.0.5');
    expect(trustedForwardedFor(undefined, '10.0.0.5', 0)).toBe('10.0.0.5');
  });

  it('with N trusted proxies, the entry the first proxy added is the client', () => {
    // client spoofs "6.6.6.6"; the load balancer appends the real client 198.51.100.7; the app's socket is the balancer.
    const header = trustedForwardedFor('6.6.6.6, 198.51.100.7', '10.0.0.2', 1);
    expect(clientIpFrom(header, 1)).toBe('198.51.100.7');
    expect(clientIpFrom(trustedForwardedFor('6.6.6.6', '10.0.0.2', 0), 0)).toBe('10.0.0.2');
  });

  it('a real http.Server sees the socket address, whatever X-Forwarded-For the client sends', async () => {
    installClientAddressRewrite(0);
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(String(req.headers['x-forwarded-for']));
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const spoof of ['203.0.113.1', '203.0.113.2, 203.0.113.3']) {
        await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': spoof } }).then((r) => r.text());
      }
    } finally {
      server.close();
    }
    expect(seen).toEqual(['127.0.0.1', '127.0.0.1']);
    expect(seen.map((h) => clientIpFrom(h, 0))).toEqual(['127.0.0.1', '127.0.0.1']);
  });
});
