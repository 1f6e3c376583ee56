// Users and organisations, as administrators manage them. Only admins may call these (checked here,
// not only in the action); every change writes its audit row in the same transaction. Deactivating
// or changing a user's role bumps their session version, so their open sessions end at once
// (lib/authz.ts refuses a session whose version is stale).
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { noteLocalChange } from '@/lib/data/change-feed';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/password';
import type { TCreateUser, TUpdateUser } from '@/lib/validation/users';

function requireAdmin(actor: TActor) {
  if (actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only administrators can manage users and organisations.');
}

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

/**
 * Revokes every live API key acting as this user (the key acted for the user's organisation, which
 * the user is leaving or no longer acts for), with an audit row per key, in the caller's transaction.
 */
async function revokeKeysOf(tx: Prisma.TransactionClient, actor: TActor, userId: string, reason: string) {
  const keys = await tx.apiKey.findMany({ where: { actingUserId: userId, revokedAt: null }, select: { id: true, prefix: true } });
  if (keys.length === 0) return;
  await tx.apiKey.updateMany({ where: { id: { in: keys.map((k) => k.id) } }, data: { revokedAt: new Date() } });
  for (const key of keys) {
    await appendAudit(tx, { actor, action: 'API_KEY_REVOKED', entityType: 'ApiKey', entityId: key.id, data: { prefix: key.prefix, reason, actingUserId: userId } });
  }
}

// Membership history (OrganizationMembership) is kept by a database trigger on User.organizationId.

export async function listUsers(actor: TActor) {
  requireAdmin(actor);
  return db.user.findMany({
    orderBy: [{ active: 'desc' }, { role: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, email: true, role: true, active: true, createdAt: true, organization: { select: { id: true, name: true } } },
  });
}

export async function listOrganizations(actor: TActor) {
  requireAdmin(actor);
  return db.organization.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, country: true, createdAt: true, _count: { select: { users: true, applications: true } } },
  });
}

async function assertOrganization(tx: Prisma.TransactionClient, organizationId: string | null) {
  if (!organizationId) return;
  const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
  if (!org) throw new AppError('INVALID', 'That organisation no longer exists. Reload the page.', { field: 'organizationId' });
}

export async function createUser(actor: TActor, input: TCreateUser): Promise<{ id: string }> {
  requireAdmin(actor);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      await assertOrganization(tx, input.organizationId);
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, organizationId: input.organizationId, passwordHash },
        select: { id: true },
      });
      await appendAudit(tx, {
        actor,
        action: 'USER_CREATED',
        entityType: 'User',
        entityId: user.id,
        data: { email: input.email, role: input.role, organizationId: input.organizationId },
      });
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'A user with this email already exists.', { field: 'email' });
    throw err;
  }
}

export async function updateUserRole(actor: TActor, input: TUpdateUser): Promise<void> {
  requireAdmin(actor);
  if (input.userId === actor.id && input.role !== 'ADMIN') {
    throw new AppError('FORBIDDEN', 'You cannot take away your own administrator role; ask another administrator.');
  }
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true, organizationId: true } });
    if (!before) throw new AppError('NOT_FOUND', 'User not found.');
    if (before.role === input.role && before.organizationId === input.organizationId) return;
    await assertOrganization(tx, input.organizationId);
    await tx.user.update({
      where: { id: input.userId },
      data: { role: input.role, organizationId: input.organizationId, sessionVersion: { increment: 1 } },
    });
    // A key acts for one organisation as one exporter: moving the user (or changing the role) ends it.
    await revokeKeysOf(tx, actor, input.userId, 'user moved or role changed');
    await appendAudit(tx, {
      actor,
      action: 'USER_ROLE_CHANGED',
      entityType: 'User',
      entityId: input.userId,
      data: { from: before, to: { role: input.role, organizationId: input.organizationId } },
    });
  });
  noteLocalChange();
}

/** Deactivate (sign-in refused, sessions end) or reactivate a user. */
export async function setUserActive(actor: TActor, userId: string, active: boolean): Promise<void> {
  requireAdmin(actor);
  if (userId === actor.id && !active) throw new AppError('FORBIDDEN', 'You cannot deactivate your own account.');
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: userId, active: !active },
      data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) },
    });
    if (updated.count === 0) {
      const exists = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
      if (!exists) throw new AppError('NOT_FOUND', 'User not found.');
      return; // already in that state
    }
    await appendAudit(tx, { actor, action: active ? 'USER_REACTIVATED' : 'USER_DEACTIVATED', entityType: 'User', entityId: userId, data: {} });
    if (!active) await revokeKeysOf(tx, actor, userId, 'user deactivated');
  });
  noteLocalChange();
}

export async function createOrganization(actor: TActor, name: string, country = 'US'): Promise<{ id: string }> {
  requireAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const org = await tx.organization.create({ data: { name, country }, select: { id: true } });
      await appendAudit(tx, { actor, action: 'ORGANIZATION_CREATED', entityType: 'Organization', entityId: org.id, data: { name, country } });
      return org;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'An organisation with this name already exists.', { field: 'name' });
    throw err;
  }
}

/** Sets an organisation's country of establishment (it decides, e.g., whether EU Art. 5 binds its exports). */
export async function updateOrganizationCountry(actor: TActor, input: { organizationId: string; country: string }): Promise<void> {
  requireAdmin(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { country: true } });
    if (!before) throw new AppError('NOT_FOUND', 'That organisation no longer exists. Reload the page.');
    if (before.country === input.country) return;
    await tx.organization.update({ where: { id: input.organizationId }, data: { country: input.country } });
    await appendAudit(tx, { actor, action: 'ORGANIZATION_UPDATED', entityType: 'Organization', entityId: input.organizationId, data: { from: { country: before.country }, to: { country: input.country } } });
  });
  noteLocalChange();
}
