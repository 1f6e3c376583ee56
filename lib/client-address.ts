// The client's address as the app may trust it. Next.js only fills X-Forwarded-For with the socket
// address when the request has none (`??=`), so a client could name any address it likes. The server
// instance (lib/server-start.ts) installs this rewrite on every incoming request before Next sees it:
// with no trusted proxy the header becomes the socket address; with N trusted proxies it keeps the
// last N entries (the ones those proxies appended) followed by the socket address.
import http from 'node:http';

/** The X-Forwarded-For value the app sees for a request from `socketAddress` carrying `forwarded`. */
export function trustedForwardedFor(forwarded: string | string[] | undefined, socketAddress: string | undefined, trustedHops: number): string {
  const chain = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const kept = trustedHops > 0 ? chain.slice(-trustedHops) : [];
  return [...kept, socketAddress ?? 'unknown'].join(', ');
}

const INSTALLED = Symbol.for('clearance.clientAddress');

/** Rewrites X-Forwarded-For on every request any http.Server of this process receives. Idempotent. */
export function installClientAddressRewrite(trustedHops: number): void {
  const proto = http.Server.prototype as unknown as Record<symbol, unknown> & { emit: (event: string | symbol, ...args: unknown[]) => boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function patchedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' || event === 'upgrade') {
      const req = args[0] as http.IncomingMessage | undefined;
      if (req?.headers) req.headers['x-forwarded-for'] = trustedForwardedFor(req.headers['x-forwarded-for'], req.socket?.remoteAddress, trustedHops);
    }
    return emit.call(this, event, ...args);
  };
}
