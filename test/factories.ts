// Test data: every test makes its own organisations and users (never relies on another's data).
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { createApiKey } from '@/lib/data/api-keys';
import type { TActor } from '@/lib/authz';
import type { Role } from '@/lib/generated/prisma/enums';

export async function createOrganization(name = `Org ${randomUUID().slice(0, 8)}`) {
  return db.organization.create({ data: { name } });
}

export async function createUser(role: Role, options: { organizationId?: string | null; passwordHash?: string; email?: string } = {}): Promise<TActor> {
  const organizationId = role === 'EXPORTER' ? (options.organizationId ?? (await createOrganization()).id) : (options.organizationId ?? null);
  const email = options.email ?? `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.example`;
  const user = await db.user.create({
    data: { email, name: `${role} ${email.split('@')[0]}`, role, organizationId, passwordHash: options.passwordHash ?? 'scrypt$invalid' },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId };
}

/**
 * An API key as an ERP system holds it: created by an admin, acting as an exporter of an organisation.
 * Makes the admin and the exporter (with a fresh organisation) unless given.
 */
export async function createExporterApiKey(options: { admin?: TActor; exporter?: TActor; name?: string } = {}) {
  const admin = options.admin ?? (await createUser('ADMIN'));
  const exporter = options.exporter ?? (await createUser('EXPORTER'));
  const { id, key } = await createApiKey(admin, { name: options.name ?? 'ERP', actingUserId: exporter.id });
  return { admin, exporter, id, key };
}
