// Users and organisations as admins manage them: audit rows, role checks, and deactivation that
// refuses sign-in and ends sessions (sessionVersion bumped).
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { authOptions } from '@/lib/auth';
import { createOrganization as createOrgRow, createUser as createTestUser } from '@/test/factories';
import { createOrganization, createUser, setUserActive, updateOrganizationCountry, updateUserRole } from '@/lib/data/users';
import { exporterOf } from '@/lib/data/screening';
import { ZCreateOrganization } from '@/lib/validation/users';
import { ZCreateUser } from '@/lib/validation/users';

type TAuthorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: TAuthorize } }).options.authorize;
const signIn = (email: string, password: string) => authorize({ email, password }, { headers: { 'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } });

describe('users', () => {
  it('creates a user with a scrypt hash and an audit row; a deactivated user cannot sign in and their sessions end', async () => {
    const admin = await createTestUser('ADMIN');
    const org = await createOrgRow();
    const email = `new-${Date.now()}@test.example`;
    const input = ZCreateUser.parse({ name: 'New Exporter', email, role: 'EXPORTER', organizationId: org.id, password: 'a long initial password' });
    const { id } = await createUser(admin, input);
    const row = await db.user.findUniqueOrThrow({ where: { id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.organizationId).toBe(org.id);
    expect(await db.auditEvent.count({ where: { entityId: id, action: 'USER_CREATED', actorId: admin.id } })).toBe(1);
    await expect(signIn(email, 'a long initial password')).resolves.toMatchObject({ id, sessionVersion: 1 });

    await setUserActive(admin, id, false);
    const after = await db.user.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ active: false, sessionVersion: 2 });
    await expect(signIn(email, 'a long initial password')).rejects.toThrow('Email or password is incorrect.');
    expect(await db.auditEvent.count({ where: { entityId: id, action: 'USER_DEACTIVATED' } })).toBe(1);

    await setUserActive(admin, id, true);
    await expect(signIn(email, 'a long initial password')).resolves.toMatchObject({ id, sessionVersion: 2 });
  });

  it('changes role and organisation (sessions end), refuses duplicates, self-lockout and non-admins', async () => {
    const admin = await createTestUser('ADMIN');
    const officer = await createTestUser('OFFICER');
    const exporter = await createTestUser('EXPORTER');
    await updateUserRole(admin, { userId: exporter.id, role: 'OFFICER', organizationId: null });
    expect(await db.user.findUniqueOrThrow({ where: { id: exporter.id } })).toMatchObject({ role: 'OFFICER', organizationId: null, sessionVersion: 2 });
    expect(await db.auditEvent.count({ where: { entityId: exporter.id, action: 'USER_ROLE_CHANGED' } })).toBe(1);

    await expect(createUser(admin, ZCreateUser.parse({ name: 'Dup', email: officer.email, role: 'OFFICER', password: 'another long password' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(setUserActive(admin, admin.id, false)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateUserRole(admin, { userId: admin.id, role: 'OFFICER', organizationId: null })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setUserActive(officer, exporter.id, false)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createOrganization(officer, 'Not allowed')).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const name = `Org ${Date.now()}`;
    const { id } = await createOrganization(admin, name);
    expect(await db.auditEvent.count({ where: { entityId: id, action: 'ORGANIZATION_CREATED' } })).toBe(1);
    await expect(createOrganization(admin, name)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('organisation country of establishment', () => {
  it('defaults to US, is set by an admin with an audit row, and reaches screening as the exporter', async () => {
    const admin = await createTestUser('ADMIN');
    expect(ZCreateOrganization.parse({ name: 'Org A', country: '' }).country).toBe('US');
    expect(ZCreateOrganization.safeParse({ name: 'Org B', country: 'XX' }).success).toBe(false);
    const { id } = await createOrganization(admin, `Berlin Optics ${Date.now()}`, 'DE');
    expect(await exporterOf(id)).toEqual({ country: 'DE' });
    await updateOrganizationCountry(admin, { organizationId: id, country: 'US' });
    expect(await exporterOf(id)).toEqual({ country: 'US' });
    expect(await db.auditEvent.count({ where: { entityId: id, action: 'ORGANIZATION_UPDATED', actorId: admin.id } })).toBe(1);
    const exporter = await createTestUser('EXPORTER');
    await expect(updateOrganizationCountry(exporter, { organizationId: id, country: 'FR' })).rejects.toThrow();
  });
});
