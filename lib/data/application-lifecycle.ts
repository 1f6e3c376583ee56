// An exporter's own application outside the submit path: Withdraw (submitted, before a decision;
// it leaves the officers' queue and stays in the record and the audit log), Delete draft (never
// submitted) and Copy to new application (any status; the copy is a draft that references the
// original). Scoped to the actor's organisation inside every query; audit row in the same transaction.
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { saveDraft } from '@/lib/data/applications';
import { AppError } from '@/lib/errors';
import type { ApplicationStatus } from '@/lib/generated/prisma/enums';
import { STATUS_LABEL } from '@/lib/labels';
import { allows, fromStatuses } from '@/lib/workflow';
import { draftDataFrom } from '@/lib/validation/application';

/** Submitted but not yet decided (lib/workflow.ts). */
export const WITHDRAWABLE_STATUSES: ApplicationStatus[] = fromStatuses('WITHDRAW');

function requireExporterOrg(actor: TActor): string {
  if (actor.role !== 'EXPORTER' || !actor.organizationId) throw new AppError('FORBIDDEN', 'Only the exporter’s own users can do this.');
  return actor.organizationId;
}

export type TWithdrawOptions = { actor: TActor; id: string; expectedVersion: number; reason: string; now?: Date };

export async function withdrawApplication({ actor, id, expectedVersion, reason, now = new Date() }: TWithdrawOptions) {
  const organizationId = requireExporterOrg(actor);
  const text = reason.trim();
  if (text.length < 3) throw new AppError('INVALID', 'Say why you are withdrawing it.', { fieldErrors: { reason: ['Say why you are withdrawing it'] } });
  if (text.length > 2000) throw new AppError('INVALID', 'The reason can be at most 2000 characters.', { fieldErrors: { reason: ['The reason can be at most 2000 characters'] } });
  return db.$transaction(async (tx) => {
    const current = await tx.application.findFirst({ where: { id, organizationId, deletedAt: null }, select: { status: true, version: true, reference: true } });
    if (!current) throw new AppError('NOT_FOUND', 'Application not found.');
    const updated = await tx.application.updateMany({
      where: { id, organizationId, version: expectedVersion, status: { in: WITHDRAWABLE_STATUSES } },
      data: { status: 'WITHDRAWN', withdrawnAt: now, withdrawalReason: text, slaDueOn: null, version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      if (!WITHDRAWABLE_STATUSES.includes(current.status)) {
        throw new AppError('CONFLICT', current.status === 'DRAFT'
          ? 'A draft has not been submitted; delete it instead.'
          : `This application is ${STATUS_LABEL[current.status].toLowerCase()}, so it can no longer be withdrawn.`);
      }
      throw new AppError('CONFLICT', 'This application changed since you opened it (an officer may have acted on it). Reload to see where it stands.');
    }
    await appendAudit(tx, { actor, action: 'APPLICATION_WITHDRAWN', entityType: 'Application', entityId: id, data: { reference: current.reference, from: current.status, reason: text } });
    return { status: 'WITHDRAWN' as const, version: expectedVersion + 1 };
  });
}

/**
 * Deletes a draft that was never submitted (no screening, no decision, no case): soft delete, so the
 * audit log's creation and deletion rows still point at a row; the exporter no longer sees it.
 */
export async function deleteDraft({ actor, id, expectedVersion }: { actor: TActor; id: string; expectedVersion: number }) {
  const organizationId = requireExporterOrg(actor);
  return db.$transaction(async (tx) => {
    const current = await tx.application.findFirst({ where: { id, organizationId, deletedAt: null }, select: { status: true, reference: true, productName: true, submittedAt: true, version: true } });
    if (!current) throw new AppError('NOT_FOUND', 'Application not found.');
    if (!allows('DELETE_DRAFT', current.status) || current.submittedAt) throw new AppError('CONFLICT', 'Only a draft that was never submitted can be deleted; withdraw a submitted application instead.');
    // Applications are retained records (the database refuses DELETE): the draft is marked deleted
    // and disappears from every exporter query.
    const deleted = await tx.application.updateMany({
      where: { id, organizationId, deletedAt: null, status: { in: fromStatuses('DELETE_DRAFT') }, submittedAt: null, version: expectedVersion },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    });
    if (deleted.count !== 1) throw new AppError('CONFLICT', 'This draft was changed elsewhere since you opened it. Reload and try again.');
    await appendAudit(tx, { actor, action: 'APPLICATION_DRAFT_DELETED', entityType: 'Application', entityId: id, data: { reference: current.reference, productName: current.productName, version: current.version } });
    return { deleted: true };
  });
}

/** A new draft with the same content (as the exporter last entered it), referencing the original. */
export async function copyApplication({ actor, id }: { actor: TActor; id: string }) {
  const organizationId = requireExporterOrg(actor);
  const source = await db.application.findFirst({ where: { id, organizationId, deletedAt: null }, select: { id: true, reference: true, data: true } });
  if (!source) throw new AppError('NOT_FOUND', 'Application not found.');
  // Through the draft shape: whatever the original's shape (one product or line items), the copy has line items.
  const data = draftDataFrom(source.data);
  const created = await saveDraft({ actor, data, copiedFrom: { id: source.id, reference: source.reference } });
  return created;
}

