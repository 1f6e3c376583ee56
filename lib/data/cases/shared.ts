// What every case operation shares: the officer check, the case row, the status sets each change
// accepts, and explainRefusal() — when a conditional UPDATE matched nothing, re-read and name why.
import 'server-only';
import type { TTx } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import type { ApplicationStatus, Outcome } from '@/lib/generated/prisma/enums';
import { STATUS_LABEL } from '@/lib/labels';
import { COUNTERSIGN_OUTCOMES, fromStatuses } from '@/lib/workflow';

// The status sets of lib/workflow.ts's table, by the names the pages and tests use.
export const DECIDABLE_STATUSES = fromStatuses('APPROVE');
export const ESCALATABLE_STATUSES = fromStatuses('ESCALATE');
export const ASSIGNABLE_STATUSES = fromStatuses('ASSIGN');
export { COUNTERSIGN_OUTCOMES };

export const CHANGED_MESSAGE = 'This case changed since you opened it (another officer acted on it, or it was re-screened). Your text is kept below; reload to see the latest version before deciding.';

export function requireOfficer(actor: TActor): void {
  if (actor.role !== 'OFFICER' && actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only compliance officers and administrators can work on cases.');
}

export const CLEARABLE_STATUSES = fromStatuses('CLEAR_MATCH');

export type TCaseRow = { id: string; status: ApplicationStatus; version: number; outcome: Outcome | null; submittedById: string | null; reference: string };

export async function loadCase(tx: TTx, caseId: string): Promise<TCaseRow> {
  const row = await tx.application.findFirst({
    where: { id: caseId, status: { not: 'DRAFT' } },
    select: { id: true, status: true, version: true, outcome: true, submittedById: true, reference: true },
  });
  if (!row) throw new AppError('NOT_FOUND', 'Case not found.');
  return row;
}

/** Why a conditional update matched nothing: re-read and name the first reason that holds. */
export async function explainRefusal(tx: TTx, actor: TActor, caseId: string, expectedVersion: number, allowed: ApplicationStatus[], what: string): Promise<never> {
  const now = await loadCase(tx, caseId);
  if (now.submittedById === actor.id) throw new AppError('FORBIDDEN', 'You submitted this application, so you cannot act on it as an officer.');
  if (now.version !== expectedVersion) throw new AppError('CONFLICT', CHANGED_MESSAGE);
  if (!allowed.includes(now.status)) throw new AppError('CONFLICT', `This case is ${STATUS_LABEL[now.status].toLowerCase()}, so it cannot be ${what} now.`);
  throw new AppError('CONFLICT', CHANGED_MESSAGE);
}

export function guardNotSubmitter(actor: TActor, row: TCaseRow) {
  if (row.submittedById === actor.id) throw new AppError('FORBIDDEN', 'You submitted this application, so you cannot act on it as an officer.');
}

/** The case an officer is about to change: found, not their own submission, still at the version they saw. */
export async function loadCaseAtVersion(tx: TTx, actor: TActor, caseId: string, expectedVersion: number): Promise<TCaseRow> {
  const current = await loadCase(tx, caseId);
  guardNotSubmitter(actor, current);
  if (current.version !== expectedVersion) throw new AppError('CONFLICT', CHANGED_MESSAGE);
  return current;
}

/**
 * Conflict of interest: an officer who ever belonged to the case's organisation (membership history,
 * OrganizationMembership, kept by a database trigger) may not decide or countersign it; they may
 * escalate it to another officer.
 */
export async function formerMembership(tx: TTx, actorId: string, caseId: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ name: string }[]>`
    SELECT o."name" FROM "Application" a
    JOIN "OrganizationMembership" m ON m."organizationId" = a."organizationId" AND m."userId" = ${actorId}
    JOIN "Organization" o ON o."id" = a."organizationId"
    WHERE a."id" = ${caseId} LIMIT 1`;
  return rows[0]?.name ?? null;
}

export async function guardNoFormerMembership(tx: TTx, actor: TActor, caseId: string) {
  const organisation = await formerMembership(tx, actor.id, caseId);
  if (organisation) {
    throw new AppError('FORBIDDEN', `You were a member of ${organisation}, so another officer must decide this case (you may escalate it).`);
  }
}

export type TCaseRef = { actor: TActor; caseId: string; expectedVersion: number };
