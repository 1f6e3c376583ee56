import { describe, expect, it } from 'vitest';
import { authOptions, SIGN_IN_FAILED } from '@/lib/auth';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/password';
import { clientIpFrom, takeRequestToken } from '@/lib/rate-limit';
import { createUser } from '@/test/factories';

// The credentials provider's authorize(), exactly as next-auth calls it.
const provider = authOptions.providers[0] as unknown as {
  options: { authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> };
};
const signIn = (email: string, password: string, ip: string) => provider.options.authorize({ email, password }, { headers: { 'x-forwarded-for': ip } });

describe('sign-in and its rate limits', () => {
  it('accepts the right password and refuses wrong ones and unknown emails with the same message', async () => {
    const user = await createUser('OFFICER', { passwordHash: await hashPassword('correct horse') });
    await expect(signIn(user.email, 'correct horse', '10.0.0.1')).resolves.toMatchObject({ id: user.id, role: 'OFFICER' });
    await expect(signIn(user.email, 'wrong', '10.0.0.1')).rejects.toThrow(SIGN_IN_FAILED);
    await expect(signIn('nobody-here@test.example', 'wrong', '10.0.0.1')).rejects.toThrow(SIGN_IN_FAILED);
  });

  it('locks an account after 10 failures within 15 minutes, even for the right password', async () => {
    const user = await createUser('EXPORTER', { passwordHash: await hashPassword('right password') });
    for (let i = 0; i < 10; i += 1) {
      await expect(signIn(user.email, `wrong ${i}`, `10.1.0.${i}`)).rejects.toThrow(SIGN_IN_FAILED);
    }
    // Counters live in fixed 15-minute windows (the previous one weighted), so the wait is at most 15 minutes.
    await expect(signIn(user.email, 'right password', '10.1.1.1')).rejects.toThrow(/Too many failed sign-ins\. Try again in (1[0-5]|[1-9]) minutes?\./);
    // The window passes: failures from two windows ago no longer count.
    await db.rateLimitCounter.updateMany({ where: { key: `email:${user.email}` }, data: { windowStart: new Date(Date.now() - 31 * 60_000) } });
    await expect(signIn(user.email, 'right password', '10.1.1.1')).resolves.toMatchObject({ id: user.id });
  });

  it('limits one address trying many accounts', async () => {
    const ip = `10.2.${Math.floor(Math.random() * 250)}.7`;
    for (let i = 0; i < 10; i += 1) {
      await expect(signIn(`victim-${i}-${ip}@test.example`, 'guess', ip)).rejects.toThrow(SIGN_IN_FAILED);
    }
    const user = await createUser('OFFICER', { passwordHash: await hashPassword('pw-123456') });
    await expect(signIn(user.email, 'pw-123456', ip)).rejects.toThrow(/Too many failed sign-ins/);
    await expect(signIn(user.email, 'pw-123456', '10.3.0.1')).resolves.toMatchObject({ id: user.id });
  });

  it('checks at most 10 passwords when 40 wrong ones arrive at once (count and check are one statement)', async () => {
    const user = await createUser('EXPORTER', { passwordHash: await hashPassword('right password') });
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => signIn(user.email, `wrong ${i}`, `10.9.${i}.1`)));
    const messages = results.map((r) => (r.status === 'rejected' ? String((r.reason as Error).message) : 'signed in'));
    expect(messages.filter((m) => m === SIGN_IN_FAILED)).toHaveLength(10);
    expect(messages.filter((m) => /Too many failed sign-ins/.test(m))).toHaveLength(30);
    // Refused attempts are not failures: the account's count stays at the limit, not 40.
    const rows = await db.rateLimitCounter.findMany({ where: { key: `email:${user.email}` } });
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(10);
  });

  it('accepts exactly the limit of 300 requests sent 50 at a time', async () => {
    const key = `api:test-${Math.random()}`;
    let accepted = 0;
    for (let batch = 0; batch < 6; batch += 1) {
      const results = await Promise.all(Array.from({ length: 50 }, () => takeRequestToken(key, 120, 60)));
      accepted += results.filter((r) => r.ok).length;
      expect(results.filter((r) => !r.ok).every((r) => r.retryAfterSeconds >= 1 && r.retryAfterSeconds <= 60)).toBe(true);
    }
    // A minute boundary may fall inside the run: the sliding count then still holds it at ≤ 120.
    expect(accepted).toBeLessThanOrEqual(120);
    expect(accepted).toBeGreaterThanOrEqual(100);
  });

  it('refuses deactivated users like unknown ones', async () => {
    const user = await createUser('OFFICER', { passwordHash: await hashPassword('pw-abcdef') });
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    await expect(signIn(user.email, 'pw-abcdef', '10.4.0.1')).rejects.toThrow(SIGN_IN_FAILED);
  });

  it('takes the client address from the end of X-Forwarded-For', () => {
    expect(clientIpFrom('1.1.1.1, 2.2.2.2', 0)).toBe('2.2.2.2');
    expect(clientIpFrom('1.1.1.1, 2.2.2.2', 1)).toBe('1.1.1.1');
    expect(clientIpFrom('', 0)).toBeNull();
  });
});
