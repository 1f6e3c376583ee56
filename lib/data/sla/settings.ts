// Saving a new version of the service-level settings: admin only, audit row and the open cases' due days refreshed in the same transaction.
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { AppError } from '@/lib/errors';
import type { TSlaTargets } from '@/lib/sla/working-days';
import type { TSlaSettingsInput } from '@/lib/validation/sla';
import { refreshOpenSlaDue } from './refresh';

/** Earlier versions, newest first (the admin page lists who changed what). */
export async function listSlaSettingsVersions(actor: TActor, take = 10) {
  if (actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only an admin can see the service-level settings history.');
  return db.slaSettings.findMany({ orderBy: { version: 'desc' }, take, select: { version: true, targets: true, holidays: true, note: true, createdAt: true, createdBy: { select: { name: true } } } });
}

/** Saves a new version (the one in force from now on) and re-dates every open case's clock. */
export async function saveSlaSettings({ actor, input, expectedVersion, now = new Date() }: { actor: TActor; input: TSlaSettingsInput; expectedVersion: number | null; now?: Date }) {
  if (actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only an admin can change the service-level settings.');
  return db.$transaction(async (tx) => {
    const current = await tx.slaSettings.findFirst({ orderBy: { version: 'desc' }, select: { version: true } });
    if ((current?.version ?? null) !== expectedVersion) {
      throw new AppError('CONFLICT', 'Another admin changed the service-level settings since you opened this page. Reload to see their version.');
    }
    const version = (current?.version ?? 0) + 1;
    const targets: TSlaTargets = { CLEAR: input.CLEAR, REVIEW: input.REVIEW, LICENSE_REQUIRED: input.LICENSE_REQUIRED, PROHIBITED: input.PROHIBITED };
    await tx.slaSettings.create({ data: { version, targets, holidays: input.holidays, note: input.note, createdById: actor.id, createdAt: now } });
    const refreshed = await refreshOpenSlaDue(tx, { targets, calendar: { holidays: input.holidays } });
    await appendAudit(tx, { actor, action: 'SLA_SETTINGS_CHANGED', entityType: 'SlaSettings', entityId: String(version), data: { version, targets, holidays: input.holidays, note: input.note, openCasesRedated: refreshed } });
    return { version, refreshed };
  }, { timeout: 120_000 });
}
