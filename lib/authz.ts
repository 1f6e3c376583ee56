// Server-side authorization: the real protection (proxy.ts only redirects). Fails closed: no session,
// an inactive user or a stale session version → sign in again; wrong role → 403 page.
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { authOptions, type TSessionUser } from '@/lib/auth';
import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';

export type TActor = { id: string; email: string; name: string; role: Role; organizationId: string | null };

/** The signed-in user as the database says now, or null. Cached per request. */
export const currentUser = cache(async (): Promise<TActor | null> => {
  const session = await getServerSession(authOptions);
  const hint = session?.user as TSessionUser | undefined;
  if (!hint?.id) return null;
  const user = await db.user.findUnique({
    where: { id: hint.id },
    select: { id: true, email: true, name: true, role: true, organizationId: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== hint.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId };
});

export async function requireUser(): Promise<TActor> {
  const user = await currentUser();
  if (!user) redirect('/login');
  return user;
}

export async function requireRole(...roles: Role[]): Promise<TActor> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}

export const homeFor = (role: Role): string => (role === 'EXPORTER' ? '/applications' : role === 'OFFICER' ? '/cases' : '/admin/rules');
