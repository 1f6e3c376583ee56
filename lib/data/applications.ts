// Exporters' applications: drafts, submit-and-screen in one transaction, reads scoped to the
// actor's organisation. Authorization is part of every query: another organisation's application
// is "not found", never "forbidden" (no leak of what exists).
import { db, type TTx } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { screenInput, severityOf, storeScreeningRun } from '@/lib/data/screening';
import { AppError } from '@/lib/errors';
import type { ApplicationStatus, PartyRole } from '@/lib/generated/prisma/enums';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TApplicationInput } from '@/lib/validation/application';

export const EDITABLE_STATUSES: ApplicationStatus[] = ['DRAFT', 'INFO_REQUESTED'];
const MAX_DRAFT_BYTES = 200_000;

function requireExporter(actor: TActor): string {
  if (actor.role !== 'EXPORTER' || !actor.organizationId) throw new AppError('FORBIDDEN', 'Only exporters can create or change applications.');
  return actor.organizationId;
}

async function nextReference(tx: TTx, now = new Date()): Promise<string> {
  const [row] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('application_reference_seq') AS n`;
  return `CLR-${now.getUTCFullYear()}-${String(row!.n).padStart(6, '0')}`;
}

/** Queue columns derived from (possibly partial) application data. */
function columnsOf(data: Partial<TApplicationInput> | Record<string, unknown>) {
  const d = data as { product?: { name?: unknown; eccn?: unknown }; destination?: { country?: unknown; region?: unknown }; endUser?: { name?: unknown; type?: unknown }; endUse?: { category?: unknown } };
  const str = (v: unknown, max = 200) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);
  return {
    productName: str(d.product?.name) ?? 'Untitled application',
    eccn: str(d.product?.eccn, 40),
    destinationCountry: str(d.destination?.country, 2)?.toUpperCase() ?? null,
    destinationRegion: str(d.destination?.region, 10),
    endUserName: str(d.endUser?.name),
    endUserType: str(d.endUser?.type, 40),
    endUseCategory: str(d.endUse?.category, 60),
  };
}

/** Throws NOT_FOUND if the application is not the actor's organisation's, CONFLICT if it changed since `expectedVersion`. */
async function assertEditable(tx: TTx, organizationId: string, id: string, expectedVersion: number) {
  const current = await tx.application.findFirst({ where: { id, organizationId }, select: { version: true, status: true } });
  if (!current) throw new AppError('NOT_FOUND', 'Application not found.');
  if (!EDITABLE_STATUSES.includes(current.status)) {
    throw new AppError('CONFLICT', 'This application has been submitted and can no longer be edited.');
  }
  if (current.version !== expectedVersion) {
    throw new AppError('CONFLICT', 'This application was changed elsewhere (another tab or a colleague) since you opened it. Reload to see the latest version; your changes here were not saved.');
  }
  return current;
}

export type TSaveDraftOptions = { actor: TActor; id?: string; expectedVersion?: number; data: Record<string, unknown> };

/** Saves partial data as typed (validation of required fields happens on submit). Bumps the version. */
export async function saveDraft({ actor, id, expectedVersion, data }: TSaveDraftOptions): Promise<{ id: string; version: number; reference: string }> {
  const organizationId = requireExporter(actor);
  if (JSON.stringify(data).length > MAX_DRAFT_BYTES) throw new AppError('INVALID', 'This draft is too large to save.');
  const json = data as Prisma.InputJsonObject;
  return db.$transaction(async (tx) => {
    if (id) {
      await assertEditable(tx, organizationId, id, expectedVersion ?? -1);
      const updated = await tx.application.updateMany({
        where: { id, organizationId, version: expectedVersion, status: { in: EDITABLE_STATUSES } },
        data: { ...columnsOf(data), data: json, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new AppError('CONFLICT', 'This application was changed elsewhere. Reload to see the latest version.');
      await appendAudit(tx, { actor, action: 'APPLICATION_DRAFT_SAVED', entityType: 'Application', entityId: id, data: { version: expectedVersion! + 1 } });
      const row = await tx.application.findUniqueOrThrow({ where: { id }, select: { id: true, version: true, reference: true } });
      return row;
    }
    const created = await tx.application.create({
      data: { reference: await nextReference(tx), organizationId, createdById: actor.id, status: 'DRAFT', ...columnsOf(data), data: json },
      select: { id: true, version: true, reference: true },
    });
    await appendAudit(tx, { actor, action: 'APPLICATION_CREATED', entityType: 'Application', entityId: created.id, data: { reference: created.reference } });
    return created;
  });
}

function partiesOf(input: TApplicationInput): { role: PartyRole; position: number; name: string; country: string; address: string | null; type: string | null }[] {
  return [
    { role: 'END_USER', position: 0, name: input.endUser.name, country: input.endUser.country, address: input.endUser.address, type: input.endUser.type },
    ...input.consignees.map((c, i) => ({
      role: (c.role === 'ULTIMATE' ? 'ULTIMATE_CONSIGNEE' : 'INTERMEDIATE_CONSIGNEE') as PartyRole,
      position: i,
      name: c.name,
      country: c.country,
      address: null,
      type: null,
    })),
  ];
}

export type TSubmitOptions = { actor: TActor; id?: string; expectedVersion?: number; input: TApplicationInput };

/**
 * Validated input → screened against the active rule set → application, line item, parties,
 * screening run and audit events stored in ONE transaction. Resubmission (after a request for
 * information) screens again; earlier runs stay in the history.
 */
export async function submitAndScreen({ actor, id, expectedVersion, input }: TSubmitOptions) {
  const organizationId = requireExporter(actor);
  const screened = await screenInput(input);
  const { result } = screened;
  return db.$transaction(async (tx) => {
    let applicationId: string;
    let reference: string;
    let previousOutcome = null;
    let resubmission = false;
    const now = new Date();
    const fields = {
      ...columnsOf(input),
      data: input as unknown as Prisma.InputJsonObject,
      status: 'SUBMITTED' as const,
      outcome: result.outcome,
      severity: severityOf(result.outcome),
      outcomeChanged: false,
      submittedAt: now,
      submittedById: actor.id,
    };
    if (id) {
      const current = await assertEditable(tx, organizationId, id, expectedVersion ?? -1);
      resubmission = current.status === 'INFO_REQUESTED';
      const before = await tx.application.findUniqueOrThrow({ where: { id }, select: { outcome: true, reference: true } });
      previousOutcome = before.outcome;
      const updated = await tx.application.updateMany({
        where: { id, organizationId, version: expectedVersion, status: { in: EDITABLE_STATUSES } },
        data: { ...fields, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new AppError('CONFLICT', 'This application was changed elsewhere. Reload to see the latest version.');
      applicationId = id;
      reference = before.reference;
      await tx.lineItem.deleteMany({ where: { applicationId } });
      await tx.applicationParty.deleteMany({ where: { applicationId } });
    } else {
      reference = await nextReference(tx, now);
      const created = await tx.application.create({
        data: { ...fields, reference, organizationId, createdById: actor.id },
        select: { id: true },
      });
      applicationId = created.id;
    }
    await tx.lineItem.create({
      data: {
        applicationId,
        position: 0,
        productName: input.product.name,
        description: input.product.description,
        eccn: input.product.eccn,
        kind: input.product.kind,
        quantity: input.product.quantity,
        unitValueUsd: input.product.unitValueUsd,
        biometric: (input.product.biometric ?? undefined) as Prisma.InputJsonObject | undefined,
      },
    });
    await tx.applicationParty.createMany({ data: partiesOf(input).map((p) => ({ ...p, applicationId })) });
    const run = await storeScreeningRun(tx, {
      applicationId,
      screened,
      input,
      trigger: resubmission ? 'RESUBMIT' : 'SUBMIT',
      previousOutcome,
    });
    await appendAudit(tx, {
      actor,
      action: resubmission ? 'APPLICATION_RESUBMITTED' : 'APPLICATION_SUBMITTED',
      entityType: 'Application',
      entityId: applicationId,
      data: { reference },
    });
    await appendAudit(tx, {
      actor,
      action: 'SCREENING_COMPLETED',
      entityType: 'Application',
      entityId: applicationId,
      data: { screeningRunId: run.id, outcome: result.outcome, ruleSetVersion: result.ruleSetVersion, findings: result.findings.length },
    });
    return { id: applicationId, reference, outcome: result.outcome };
  });
}

export type TApplicationListFilter = { status?: ApplicationStatus; q?: string; page?: number; pageSize?: number };

/** The actor's organisation's applications, newest activity first. */
export async function listApplicationsForExporter(actor: TActor, filter: TApplicationListFilter = {}) {
  const organizationId = requireExporter(actor);
  const pageSize = Math.min(Math.max(filter.pageSize ?? 20, 1), 100);
  const page = Math.max(filter.page ?? 1, 1);
  const q = filter.q?.trim();
  const where: Prisma.ApplicationWhereInput = {
    organizationId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(q ? { OR: [{ productName: { contains: q, mode: 'insensitive' } }, { reference: { contains: q, mode: 'insensitive' } }] } : {}),
  };
  const [total, rows] = await Promise.all([
    db.application.count({ where }),
    db.application.findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, reference: true, productName: true, eccn: true, destinationCountry: true, status: true, outcome: true, updatedAt: true, submittedAt: true },
    }),
  ]);
  return { total, page, pageSize, rows };
}

/** One application as its exporter may see it: no internal notes, findings from the latest run. */
export async function getApplicationForExporter(actor: TActor, id: string) {
  const organizationId = requireExporter(actor);
  const app = await db.application.findFirst({
    where: { id, organizationId },
    select: {
      id: true, reference: true, status: true, outcome: true, version: true, data: true, productName: true,
      destinationCountry: true, createdAt: true, updatedAt: true, submittedAt: true, decidedAt: true,
      screeningRuns: { orderBy: { createdAt: 'asc' }, select: { id: true, outcome: true, findings: true, createdAt: true, trigger: true, ruleSetVersion: { select: { label: true, datasets: true } } } },
      decisions: { orderBy: { createdAt: 'asc' }, select: { id: true, type: true, createdAt: true, conditions: true, reason: true, message: true, licenseReference: true, licenseExpiresAt: true, requiresCountersignature: true, countersignedAt: true } },
      messages: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true, role: true } } } },
    },
  });
  if (!app) throw new AppError('NOT_FOUND', 'Application not found.');
  return app;
}
