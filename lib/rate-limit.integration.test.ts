import { describe, expect, it } from 'vitest';
import { authOptions, SIGN_IN_FAILED } from '@/lib/auth';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/password';
import { clientIpFrom } from '@/lib/rate-limit';
import { createUser } from '@/test/factories';

// The credentials provider's authorize(), exactly as next-auth calls it.
const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> } };
const signIn = (email: string, password: string, ip: string) =>
  provider.options.authorize({ email, password }, { headers: { 'x-forwarded-for': ip } });

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
    await expect(signIn(user.email, 'right password', '10.1.1.1')).rejects.toThrow(/Too many failed sign-ins\. Try again in 15 minutes\./);
    // The window passes: failures older than 15 minutes no longer count.
    await db.rateLimitEvent.updateMany({ where: { key: `email:${user.email}` }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
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
