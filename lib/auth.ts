// next-auth configuration: email + password, JWT sessions carrying role and organisation.
// The session is a hint; lib/authz.ts re-reads the user on every request (active flag, session version).
import fs from 'node:fs';
import path from 'node:path';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { db } from '@/lib/db';
import { projectRoot } from '@/lib/embedded-postgres-config';
import { burnPasswordCheck, verifyPassword } from '@/lib/password';
import { clientIpFrom, settleLoginSuccess, takeLoginAttempt } from '@/lib/rate-limit';
import { safeCallbackPath } from '@/lib/safe-redirect';
import type { Role } from '@/lib/generated/prisma/enums';

export const SIGN_IN_FAILED = 'Email or password is incorrect.';

/**
 * The session signing key: NEXTAUTH_SECRET, or — on the embedded default only — the one `npm run
 * setup` generated into .data/auth-secret, so `npm start` works after setup. Production
 * (DATABASE_URL set) must set NEXTAUTH_SECRET.
 */
function authSecret(): string | undefined {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (process.env.DATABASE_URL) return undefined;
  try {
    return fs.readFileSync(path.join(/*turbopackIgnore: true*/ projectRoot(), '.data', 'auth-secret'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

const ZCredentials = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()), password: z.string().min(1).max(1000) });

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  return clientIpFrom(Array.isArray(forwarded) ? forwarded.join(',') : forwarded);
}

/** Served over https (NEXTAUTH_URL): session cookies are `__Secure-` and `Secure`. */
export const useSecureCookies = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');

export type TSessionUser = { id: string; email: string; name: string; role: Role; organizationId: string | null; sessionVersion: number };

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  useSecureCookies,
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const parsed = ZCredentials.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(SIGN_IN_FAILED);
        const { email, password } = parsed.data;
        const keys = { email, ip: clientIp(req?.headers as Record<string, string> | undefined) };
        // Counted before the password check, in one atomic statement per key (lib/rate-limit.ts).
        const wait = await takeLoginAttempt(keys);
        if (wait > 0) {
          throw new Error(`Too many failed sign-ins. Try again in ${wait} minute${wait === 1 ? '' : 's'}.`);
        }
        const user = await db.user.findUnique({ where: { email } });
        const ok = user && user.active ? await verifyPassword(password, user.passwordHash) : (await burnPasswordCheck(password), false);
        if (!ok || !user) throw new Error(SIGN_IN_FAILED); // the attempt stays counted
        await settleLoginSuccess(keys);
        return {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          organizationId: user.organizationId,
          sessionVersion: user.sessionVersion,
        } satisfies TSessionUser;
      },
    }),
  ],
  events: {
    // Signing out ends the session everywhere: a copied session token stops working at once
    // (lib/authz.ts compares the token's session version with the user's).
    async signOut({ token }) {
      const uid = token?.uid;
      if (typeof uid === 'string') await db.user.updateMany({ where: { id: uid }, data: { sessionVersion: { increment: 1 } } });
    },
  },
  callbacks: {
    // After sign-in or sign-out: same-origin paths only (never another site).
    async redirect({ url, baseUrl }) {
      return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
    },
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as TSessionUser;
        token.uid = u.id;
        token.role = u.role;
        token.organizationId = u.organizationId;
        token.sessionVersion = u.sessionVersion;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.uid as string,
        email: token.email ?? '',
        name: token.name ?? '',
        role: token.role as Role,
        organizationId: (token.organizationId as string | null) ?? null,
        sessionVersion: (token.sessionVersion as number) ?? 0,
      } as TSessionUser;
      return session;
    },
  },
};
