// The officers' side of a case: the review queue (filters, keyset pagination, counts), the case
// file, and every state change — assign, decide, countersign, note, clear a party match, bulk
// approve. Each change is one conditional UPDATE (expected version + allowed statuses + "not the
// submitter") with its Decision/notes and audit rows in the same transaction; when the UPDATE
// matches nothing we work out why and say so. Only officers and admins get past requireOfficer().
import { db, type TTx } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { getActiveRuleSet, getBuiltRuleSet, loadClearedMatches } from '@/lib/data/rulesets';
import { severityOf, storeScreeningRun, toScreeningApplication } from '@/lib/data/screening';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ApplicationStatus, DecisionType, Outcome } from '@/lib/generated/prisma/enums';
import { partyMatchEvidence } from '@/lib/cases/findings';
import { CASE_STATUSES, OPEN_STATUSES, STATUS_LABEL } from '@/lib/cases/labels';
import { screen } from '@/lib/screening';
import { normaliseName } from '@/lib/screening/names/normalise';
import type { TFinding } from '@/lib/screening/types';
import type { TApplicationInput } from '@/lib/validation/application';
import type { TClearMatchInput, TCountersignInput, TDecisionInput, TQueueFilter } from '@/lib/validation/decision';

export const DECIDABLE_STATUSES: ApplicationStatus[] = ['SUBMITTED', 'IN_REVIEW', 'ESCALATED'];
export const ESCALATABLE_STATUSES: ApplicationStatus[] = ['SUBMITTED', 'IN_REVIEW'];
export const ASSIGNABLE_STATUSES: ApplicationStatus[] = ['SUBMITTED', 'IN_REVIEW', 'ESCALATED', 'AWAITING_COUNTERSIGNATURE'];
export const COUNTERSIGN_OUTCOMES: Outcome[] = ['LICENSE_REQUIRED', 'PROHIBITED'];

const CHANGED_MESSAGE = 'This case changed since you opened it (another officer acted on it, or it was re-screened). Your text is kept below; reload to see the latest version before deciding.';

export function requireOfficer(actor: TActor): void {
  if (actor.role !== 'OFFICER' && actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only compliance officers and administrators can work on cases.');
}

// ---------------------------------------------------------------------------------------------
// Queue

export const QUEUE_PAGE_SIZE = 25;

type TCursor = { s: number; t: string; id: string };

export function encodeCursor(c: TCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(raw: string | undefined): TCursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<TCursor>;
    if (typeof c.s !== 'number' || typeof c.t !== 'string' || typeof c.id !== 'string' || Number.isNaN(Date.parse(c.t))) return null;
    return { s: c.s, t: c.t, id: c.id };
  } catch {
    return null;
  }
}

function queueWhere(actor: TActor, filter: Omit<TQueueFilter, 'cursor'>, now: Date): Prisma.ApplicationWhereInput {
  const statuses = filter.status?.length ? filter.status : OPEN_STATUSES;
  return {
    status: { in: statuses.filter((s) => s !== 'DRAFT') },
    submittedAt: { not: null, ...(filter.age ? { lte: new Date(now.getTime() - filter.age * 86_400_000) } : {}) },
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.destination ? { destinationCountry: filter.destination } : {}),
    ...(filter.organization ? { organizationId: filter.organization } : {}),
    ...(filter.mine ? { assignedToId: actor.id } : {}),
  };
}

function keysetAfter(sort: TQueueFilter['sort'], c: TCursor): Prisma.ApplicationWhereInput {
  const t = new Date(c.t);
  const byAge: Prisma.ApplicationWhereInput[] = [{ submittedAt: { gt: t } }, { submittedAt: t, id: { gt: c.id } }];
  if (sort === 'age') return { OR: byAge };
  return { OR: [{ severity: { lt: c.s } }, ...byAge.map((w) => ({ severity: c.s, ...w }))] };
}

const queueOrder = (sort: TQueueFilter['sort']): Prisma.ApplicationOrderByWithRelationInput[] =>
  sort === 'age' ? [{ submittedAt: 'asc' }, { id: 'asc' }] : [{ severity: 'desc' }, { submittedAt: 'asc' }, { id: 'asc' }];

const QUEUE_SELECT = {
  id: true,
  reference: true,
  productName: true,
  eccn: true,
  destinationCountry: true,
  destinationRegion: true,
  endUserName: true,
  endUserType: true,
  status: true,
  outcome: true,
  severity: true,
  outcomeChanged: true,
  version: true,
  submittedAt: true,
  decidedAt: true,
  submittedById: true,
  organization: { select: { id: true, name: true } },
  assignedTo: { select: { id: true, name: true } },
} satisfies Prisma.ApplicationSelect;

export type TQueueRow = Prisma.ApplicationGetPayload<{ select: typeof QUEUE_SELECT }>;

/** One page of the review queue (keyset pagination: the cost of a page does not grow with its depth). */
export async function findCasesForQueue(actor: TActor, filter: TQueueFilter, options: { pageSize?: number; now?: Date } = {}) {
  requireOfficer(actor);
  const pageSize = Math.min(Math.max(options.pageSize ?? QUEUE_PAGE_SIZE, 1), 1000);
  const cursor = decodeCursor(filter.cursor);
  const base = queueWhere(actor, filter, options.now ?? new Date());
  const rows = await db.application.findMany({
    where: cursor ? { AND: [base, keysetAfter(filter.sort, cursor)] } : base,
    orderBy: queueOrder(filter.sort),
    take: pageSize + 1,
    select: QUEUE_SELECT,
  });
  const hasMore = rows.length > pageSize;
  const page = hasMore ? rows.slice(0, pageSize) : rows;
  const last = page[page.length - 1];
  const nextCursor = hasMore && last ? encodeCursor({ s: last.severity ?? 0, t: last.submittedAt!.toISOString(), id: last.id }) : null;
  return { rows: page, nextCursor };
}

/** Every row of the filtered queue, page by page (for the CSV export). */
export async function* iterateQueue(actor: TActor, filter: TQueueFilter, maxRows = 100_000): AsyncGenerator<TQueueRow> {
  requireOfficer(actor);
  let cursor: string | undefined;
  let seen = 0;
  for (;;) {
    const { rows, nextCursor } = await findCasesForQueue(actor, { ...filter, cursor }, { pageSize: 1000 });
    for (const row of rows) {
      if (seen++ >= maxRows) return;
      yield row;
    }
    if (!nextCursor) return;
    cursor = nextCursor;
  }
}

/** Counts of cases per status (drafts are not cases), for the top of the queue. */
export async function countCasesByStatus(actor: TActor): Promise<Record<ApplicationStatus, number>> {
  requireOfficer(actor);
  const groups = await db.application.groupBy({ by: ['status'], where: { status: { not: 'DRAFT' } }, _count: { _all: true } });
  const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

/** Organisations and destinations that have cases (for the filter drop-downs). */
export async function queueFilterOptions(actor: TActor) {
  requireOfficer(actor);
  const [organizations, destinations] = await Promise.all([
    db.organization.findMany({ where: { applications: { some: { status: { not: 'DRAFT' } } } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db.application.findMany({ where: { status: { not: 'DRAFT' }, destinationCountry: { not: null } }, distinct: ['destinationCountry'], select: { destinationCountry: true }, orderBy: { destinationCountry: 'asc' } }),
  ]);
  return { organizations, destinations: destinations.map((d) => d.destinationCountry!) };
}

// ---------------------------------------------------------------------------------------------
// Case file

export async function getCaseForOfficer(actor: TActor, id: string) {
  requireOfficer(actor);
  const app = await db.application.findFirst({
    where: { id, status: { not: 'DRAFT' } },
    select: {
      id: true, reference: true, status: true, outcome: true, severity: true, outcomeChanged: true, version: true, data: true,
      productName: true, destinationCountry: true, submittedAt: true, decidedAt: true, createdAt: true, updatedAt: true,
      submittedById: true,
      organization: { select: { id: true, name: true } },
      submittedBy: { select: { id: true, name: true, email: true } },
      assignedTo: { select: { id: true, name: true } },
      screeningRuns: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, outcome: true, previousOutcome: true, findings: true, trigger: true, createdAt: true, ruleSetVersion: { select: { id: true, label: true, datasets: true } } },
      },
      decisions: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true, type: true, note: true, conditions: true, reason: true, message: true, licenseReference: true, licenseExpiresAt: true,
          requiresCountersignature: true, countersignedAt: true, countersignNote: true, createdAt: true,
          officer: { select: { id: true, name: true } }, countersignedBy: { select: { id: true, name: true } },
        },
      },
      notes: { orderBy: { createdAt: 'asc' }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
      messages: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true, role: true } } } },
    },
  });
  if (!app) throw new AppError('NOT_FOUND', 'Case not found.');
  const audit = await db.auditEvent.findMany({
    where: { entityType: 'Application', entityId: id },
    orderBy: { seq: 'asc' },
    select: { seq: true, createdAt: true, action: true, actorEmail: true, data: true },
  });
  return { ...app, screeningRuns: app.screeningRuns.map((r) => ({ ...r, findings: r.findings as unknown as TFinding[] })), audit };
}

export type TCaseFile = Awaited<ReturnType<typeof getCaseForOfficer>>;

// ---------------------------------------------------------------------------------------------
// State changes

type TCaseRow = { id: string; status: ApplicationStatus; version: number; outcome: Outcome | null; submittedById: string | null; reference: string };

async function loadCase(tx: TTx, caseId: string): Promise<TCaseRow> {
  const row = await tx.application.findFirst({
    where: { id: caseId, status: { not: 'DRAFT' } },
    select: { id: true, status: true, version: true, outcome: true, submittedById: true, reference: true },
  });
  if (!row) throw new AppError('NOT_FOUND', 'Case not found.');
  return row;
}

/** Why a conditional update matched nothing: re-read and name the first reason that holds. */
async function explainRefusal(tx: TTx, actor: TActor, caseId: string, expectedVersion: number, allowed: ApplicationStatus[], what: string): Promise<never> {
  const now = await loadCase(tx, caseId);
  if (now.submittedById === actor.id) throw new AppError('FORBIDDEN', 'You submitted this application, so you cannot act on it as an officer.');
  if (now.version !== expectedVersion) throw new AppError('CONFLICT', CHANGED_MESSAGE);
  if (!allowed.includes(now.status)) throw new AppError('CONFLICT', `This case is ${STATUS_LABEL[now.status].toLowerCase()}, so it cannot be ${what} now.`);
  throw new AppError('CONFLICT', CHANGED_MESSAGE);
}

function guardNotSubmitter(actor: TActor, row: TCaseRow) {
  if (row.submittedById === actor.id) throw new AppError('FORBIDDEN', 'You submitted this application, so you cannot act on it as an officer.');
}

type TCaseRef = { actor: TActor; caseId: string; expectedVersion: number };

/** "Assign to me": takes the case; a submitted case moves into review. */
export async function assignCaseToMe({ actor, caseId, expectedVersion }: TCaseRef) {
  requireOfficer(actor);
  return db.$transaction(async (tx) => {
    const current = await loadCase(tx, caseId);
    guardNotSubmitter(actor, current);
    const status: ApplicationStatus = current.status === 'SUBMITTED' ? 'IN_REVIEW' : current.status;
    const updated = await tx.application.updateMany({
      where: { id: caseId, version: expectedVersion, status: current.status, AND: [{ status: { in: ASSIGNABLE_STATUSES } }], NOT: { submittedById: actor.id } },
      data: { assignedToId: actor.id, status, version: { increment: 1 } },
    });
    if (updated.count !== 1) await explainRefusal(tx, actor, caseId, expectedVersion, ASSIGNABLE_STATUSES, 'assigned');
    await appendAudit(tx, { actor, action: 'CASE_ASSIGNED', entityType: 'Application', entityId: caseId, data: { assignedToId: actor.id, from: current.status, to: status } });
    return { status, version: expectedVersion + 1 };
  });
}

const TARGET: Record<DecisionType, ApplicationStatus> = {
  APPROVE: 'APPROVED',
  DENY: 'DENIED',
  REQUEST_INFO: 'INFO_REQUESTED',
  ESCALATE: 'ESCALATED',
};

const VERB: Record<DecisionType, string> = { APPROVE: 'approved', DENY: 'denied', REQUEST_INFO: 'sent back for information', ESCALATE: 'escalated' };

export type TDecideOptions = { actor: TActor; decision: TDecisionInput; now?: Date };

/**
 * Records a decision as one checked transition. Approving a licence-required or prohibited case
 * does not approve it yet: it waits for a second officer's countersignature.
 */
export async function decideCase({ actor, decision, now = new Date() }: TDecideOptions) {
  requireOfficer(actor);
  const { caseId, expectedVersion } = decision;
  return db.$transaction(async (tx) => {
    const current = await loadCase(tx, caseId);
    guardNotSubmitter(actor, current);
    const allowed = decision.type === 'ESCALATE' ? ESCALATABLE_STATUSES : DECIDABLE_STATUSES;
    const needsCountersignature = decision.type === 'APPROVE' && current.outcome !== null && COUNTERSIGN_OUTCOMES.includes(current.outcome);
    let licenseExpiresAt: Date | null = null;
    if (decision.type === 'APPROVE') {
      const errors: Record<string, string[]> = {};
      if (current.outcome === 'LICENSE_REQUIRED') {
        if (!decision.licenseReference) errors.licenseReference = ['A licence-required approval needs the licence reference'];
        if (!decision.licenseExpiresAt) errors.licenseExpiresAt = ['A licence-required approval needs the licence’s expiry date'];
      }
      if (decision.licenseExpiresAt) {
        licenseExpiresAt = new Date(`${decision.licenseExpiresAt}T23:59:59.999Z`);
        if (licenseExpiresAt.getTime() <= now.getTime()) errors.licenseExpiresAt = ['The expiry date must be in the future'];
      }
      if (Object.keys(errors).length > 0) throw new AppError('INVALID', 'Some fields need attention.', { fieldErrors: errors });
    }
    const status: ApplicationStatus = needsCountersignature ? 'AWAITING_COUNTERSIGNATURE' : TARGET[decision.type];
    const final = status === 'APPROVED' || status === 'DENIED';
    const updated = await tx.application.updateMany({
      where: {
        id: caseId,
        version: expectedVersion,
        status: { in: allowed },
        // The outcome the decision was checked against must still be the outcome (a re-screen bumps the version too).
        outcome: current.outcome,
        NOT: { submittedById: actor.id },
      },
      data: {
        status,
        version: { increment: 1 },
        ...(final ? { decidedAt: now } : {}),
        ...(decision.type === 'ESCALATE' ? {} : { assignedToId: actor.id }),
      },
    });
    if (updated.count !== 1) await explainRefusal(tx, actor, caseId, expectedVersion, allowed, VERB[decision.type]);
    const latestRun = await tx.screeningRun.findFirst({ where: { applicationId: caseId }, orderBy: { createdAt: 'desc' }, select: { id: true } });
    const row = await tx.decision.create({
      data: {
        applicationId: caseId,
        screeningRunId: latestRun?.id ?? null,
        type: decision.type,
        officerId: actor.id,
        note: decision.note ?? null,
        conditions: decision.type === 'APPROVE' ? (decision.conditions ?? null) : null,
        licenseReference: decision.type === 'APPROVE' ? (decision.licenseReference ?? null) : null,
        licenseExpiresAt,
        reason: decision.type === 'DENY' ? decision.reason : null,
        message: decision.type === 'REQUEST_INFO' ? decision.message : null,
        requiresCountersignature: needsCountersignature,
        createdAt: now,
      },
      select: { id: true },
    });
    if (decision.type === 'REQUEST_INFO') {
      await tx.caseMessage.create({ data: { applicationId: caseId, authorId: actor.id, kind: 'QUESTION', body: decision.message, createdAt: now } });
    }
    await appendAudit(tx, {
      actor,
      action: needsCountersignature ? 'CASE_APPROVAL_PENDING_COUNTERSIGNATURE' : `CASE_${decision.type === 'REQUEST_INFO' ? 'INFO_REQUESTED' : TARGET[decision.type]}`,
      entityType: 'Application',
      entityId: caseId,
      data: {
        decisionId: row.id,
        type: decision.type,
        from: current.status,
        to: status,
        outcome: current.outcome,
        ...(decision.type === 'APPROVE' ? { conditions: decision.conditions ?? null, licenseReference: decision.licenseReference ?? null, licenseExpiresAt: decision.licenseExpiresAt ?? null } : {}),
        ...(decision.type === 'DENY' ? { reason: decision.reason } : {}),
        ...(decision.type === 'REQUEST_INFO' ? { message: decision.message } : {}),
        note: decision.note ?? null,
      },
    });
    return { decisionId: row.id, status, version: expectedVersion + 1 };
  });
}

/** The second officer's signature on a pending approval: neither the approver nor the submitter. */
export async function countersignCase({ actor, input, now = new Date() }: { actor: TActor; input: TCountersignInput; now?: Date }) {
  requireOfficer(actor);
  const { caseId, expectedVersion } = input;
  return db.$transaction(async (tx) => {
    const current = await loadCase(tx, caseId);
    guardNotSubmitter(actor, current);
    const pending = await tx.decision.findFirst({
      where: { applicationId: caseId, type: 'APPROVE', requiresCountersignature: true, countersignedById: null },
      orderBy: { createdAt: 'desc' },
      select: { id: true, officerId: true },
    });
    if (current.status !== 'AWAITING_COUNTERSIGNATURE' || !pending) {
      if (current.version !== expectedVersion) throw new AppError('CONFLICT', CHANGED_MESSAGE);
      throw new AppError('CONFLICT', `This case is ${STATUS_LABEL[current.status].toLowerCase()}; there is no approval waiting for a countersignature.`);
    }
    if (pending.officerId === actor.id) throw new AppError('FORBIDDEN', 'You approved this case, so a second officer must countersign it.');
    const updated = await tx.application.updateMany({
      where: { id: caseId, version: expectedVersion, status: 'AWAITING_COUNTERSIGNATURE', NOT: { submittedById: actor.id } },
      data: { status: 'APPROVED', decidedAt: now, version: { increment: 1 } },
    });
    if (updated.count !== 1) await explainRefusal(tx, actor, caseId, expectedVersion, ['AWAITING_COUNTERSIGNATURE'], 'countersigned');
    const signed = await tx.decision.updateMany({
      where: { id: pending.id, countersignedById: null, NOT: { officerId: actor.id } },
      data: { countersignedById: actor.id, countersignedAt: now, countersignNote: input.note ?? null },
    });
    if (signed.count !== 1) throw new AppError('CONFLICT', CHANGED_MESSAGE);
    await appendAudit(tx, {
      actor,
      action: 'CASE_COUNTERSIGNED',
      entityType: 'Application',
      entityId: caseId,
      data: { decisionId: pending.id, approvedBy: pending.officerId, from: 'AWAITING_COUNTERSIGNATURE', to: 'APPROVED', note: input.note ?? null },
    });
    return { status: 'APPROVED' as const, version: expectedVersion + 1 };
  });
}

/** Internal note: never shown to the exporter. */
export async function addCaseNote({ actor, caseId, body }: { actor: TActor; caseId: string; body: string }) {
  requireOfficer(actor);
  return db.$transaction(async (tx) => {
    await loadCase(tx, caseId);
    const note = await tx.caseNote.create({ data: { applicationId: caseId, authorId: actor.id, body }, select: { id: true } });
    await appendAudit(tx, { actor, action: 'CASE_NOTE_ADDED', entityType: 'Application', entityId: caseId, data: { noteId: note.id, body } });
    return note;
  });
}

/** The officer has seen that a re-screen changed the outcome. */
export async function acknowledgeOutcomeChange({ actor, caseId }: { actor: TActor; caseId: string }) {
  requireOfficer(actor);
  return db.$transaction(async (tx) => {
    const updated = await tx.application.updateMany({ where: { id: caseId, outcomeChanged: true, status: { not: 'DRAFT' } }, data: { outcomeChanged: false } });
    if (updated.count === 1) await appendAudit(tx, { actor, action: 'CASE_OUTCOME_CHANGE_ACKNOWLEDGED', entityType: 'Application', entityId: caseId, data: {} });
    return { acknowledged: updated.count === 1 };
  });
}

export const CLEARABLE_STATUSES: ApplicationStatus[] = ['SUBMITTED', 'IN_REVIEW', 'ESCALATED'];

/**
 * Screens the case's stored input again inside `tx` (so cleared matches written in `tx` count),
 * stores the run and moves the case's outcome. Bumps the version: a decision taken against the
 * old outcome must not go through.
 */
async function rescreenInTx(tx: TTx, options: { actor: TActor; caseId: string; expectedVersion: number; ruleSetVersionId?: string; allowed: ApplicationStatus[] }) {
  const app = await tx.application.findUniqueOrThrow({ where: { id: options.caseId }, select: { data: true, outcome: true, organization: { select: { country: true } } } });
  const input = app.data as unknown as TApplicationInput;
  const version = options.ruleSetVersionId
    ? { id: options.ruleSetVersionId, ruleSet: await getBuiltRuleSet(options.ruleSetVersionId) }
    : await getActiveRuleSet(tx);
  const clearedMatches = await loadClearedMatches(tx);
  const result = screen(toScreeningApplication(input, app.organization), version.ruleSet, { clearedMatches });
  const updated = await tx.application.updateMany({
    where: { id: options.caseId, version: options.expectedVersion, status: { in: options.allowed } },
    data: { outcome: result.outcome, severity: severityOf(result.outcome), version: { increment: 1 } },
  });
  if (updated.count !== 1) await explainRefusal(tx, options.actor, options.caseId, options.expectedVersion, options.allowed, 're-screened');
  const run = await storeScreeningRun(tx, {
    applicationId: options.caseId,
    screened: { result, ruleSetVersionId: version.id },
    input,
    trigger: 'MANUAL',
    previousOutcome: app.outcome,
  });
  await appendAudit(tx, {
    actor: options.actor,
    action: 'SCREENING_COMPLETED',
    entityType: 'Application',
    entityId: options.caseId,
    data: { screeningRunId: run.id, trigger: 'MANUAL', outcome: result.outcome, previousOutcome: app.outcome, ruleSetVersion: result.ruleSetVersion, findings: result.findings.length },
  });
  return { runId: run.id, outcome: result.outcome, findings: result.findings, version: options.expectedVersion + 1 };
}

/** An officer re-screens an open case now (active rule set unless a version is given). */
export async function rescreenCase({ actor, caseId, expectedVersion, ruleSetVersionId }: TCaseRef & { ruleSetVersionId?: string }) {
  requireOfficer(actor);
  return db.$transaction(async (tx) => {
    guardNotSubmitter(actor, await loadCase(tx, caseId));
    return rescreenInTx(tx, { actor, caseId, expectedVersion, ruleSetVersionId, allowed: CLEARABLE_STATUSES });
  }, { timeout: 60_000 });
}

/**
 * Marks a party hit on the case's latest screening as a false positive for that list entry (at its
 * current content) and that party name, then re-screens the case so the hit shows as cleared.
 * The entry's id and content hash come from the stored finding, never from the form.
 */
export async function clearPartyMatch({ actor, input, ruleSetVersionId }: { actor: TActor; input: TClearMatchInput; ruleSetVersionId?: string }) {
  requireOfficer(actor);
  const { caseId, expectedVersion } = input;
  return db.$transaction(async (tx) => {
    const current = await loadCase(tx, caseId);
    guardNotSubmitter(actor, current);
    if (current.version !== expectedVersion) throw new AppError('CONFLICT', CHANGED_MESSAGE);
    if (!CLEARABLE_STATUSES.includes(current.status)) {
      throw new AppError('CONFLICT', `This case is ${STATUS_LABEL[current.status].toLowerCase()}; matches can be cleared only on open cases.`);
    }
    const latest = await tx.screeningRun.findFirst({ where: { applicationId: caseId }, orderBy: { createdAt: 'desc' }, select: { findings: true } });
    const hit = ((latest?.findings ?? []) as unknown as TFinding[])
      .map(partyMatchEvidence)
      .find((e) => e && e.listCode === input.listCode && e.entryId === input.entryId && e.partyName === input.partyName);
    if (!hit) throw new AppError('NOT_FOUND', 'That party match is not on the latest screening of this case. Reload the case.');
    const existing = await tx.clearedMatch.findFirst({
      where: { listCode: hit.listCode, entryExternalId: hit.entryId, entryContentHash: hit.entryContentHash, partyNameKey: normaliseName(hit.partyName).key },
      select: { id: true, revokedAt: true },
    });
    if (existing && !existing.revokedAt) throw new AppError('CONFLICT', 'This match has already been cleared. Reload the case.');
    const data = {
      listCode: hit.listCode,
      entryExternalId: hit.entryId,
      entryContentHash: hit.entryContentHash,
      partyName: hit.partyName,
      partyNameKey: normaliseName(hit.partyName).key,
      justification: input.justification,
      clearedById: actor.id,
      applicationId: caseId,
      revokedAt: null,
    };
    const cleared = existing
      ? await tx.clearedMatch.update({ where: { id: existing.id }, data: { ...data, createdAt: new Date() }, select: { id: true } })
      : await tx.clearedMatch.create({ data, select: { id: true } });
    await appendAudit(tx, {
      actor,
      action: 'MATCH_CLEARED',
      entityType: 'Application',
      entityId: caseId,
      data: { clearedMatchId: cleared.id, listCode: hit.listCode, entryId: hit.entryId, entryContentHash: hit.entryContentHash, partyName: hit.partyName, justification: input.justification },
    });
    const rescreen = await rescreenInTx(tx, { actor, caseId, expectedVersion, ruleSetVersionId, allowed: CLEARABLE_STATUSES });
    return { clearedMatchId: cleared.id, ...rescreen };
  }, { timeout: 60_000 });
}

/** Approves each selected CLEAR case on its own (one conflict does not undo the others). */
export async function bulkApproveClear({ actor, cases, note }: { actor: TActor; cases: { caseId: string; expectedVersion: number }[]; note?: string }) {
  requireOfficer(actor);
  const approved: string[] = [];
  const skipped: { caseId: string; reason: string }[] = [];
  for (const { caseId, expectedVersion } of cases) {
    try {
      const outcome = (await db.application.findUnique({ where: { id: caseId }, select: { outcome: true } }))?.outcome;
      if (outcome !== 'CLEAR') {
        skipped.push({ caseId, reason: 'Not a clear case' });
        continue;
      }
      await decideCase({ actor, decision: { type: 'APPROVE', caseId, expectedVersion, note: note ?? 'Bulk approval of clear cases' } });
      approved.push(caseId);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      skipped.push({ caseId, reason: err.message });
    }
  }
  return { approved, skipped };
}

// ---------------------------------------------------------------------------------------------
// Decision record (officers and admins: any decided case; exporters: their organisation's)

export const DECIDED_STATUSES: ApplicationStatus[] = ['APPROVED', 'DENIED'];

export async function getDecisionRecord(actor: TActor, id: string) {
  const scope: Prisma.ApplicationWhereInput =
    actor.role === 'EXPORTER' ? { organizationId: actor.organizationId ?? '-', status: { in: DECIDED_STATUSES } } : { status: { not: 'DRAFT' } };
  const app = await db.application.findFirst({
    where: { id, ...scope },
    select: {
      id: true, reference: true, status: true, outcome: true, data: true, submittedAt: true, decidedAt: true,
      organization: { select: { name: true } },
      submittedBy: { select: { name: true, email: true } },
      screeningRuns: { orderBy: { createdAt: 'desc' }, take: 1, select: { outcome: true, findings: true, createdAt: true, ruleSetVersion: { select: { label: true, datasets: true } } } },
      decisions: {
        where: { type: { in: ['APPROVE', 'DENY'] } },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: {
          type: true, note: true, conditions: true, reason: true, licenseReference: true, licenseExpiresAt: true, createdAt: true,
          requiresCountersignature: true, countersignedAt: true,
          officer: { select: { name: true, email: true } }, countersignedBy: { select: { name: true, email: true } },
        },
      },
    },
  });
  if (!app) throw new AppError('NOT_FOUND', actor.role === 'EXPORTER' ? 'No decision record for this application yet.' : 'Case not found.');
  const run = app.screeningRuns[0];
  return {
    ...app,
    latestRun: run ? { ...run, findings: run.findings as unknown as TFinding[] } : null,
    decision: app.decisions[0] ?? null,
    // Exporters see the decision; officers' internal decision notes stay internal.
    forExporter: actor.role === 'EXPORTER',
  };
}

export type TDecisionRecord = Awaited<ReturnType<typeof getDecisionRecord>>;

// ---------------------------------------------------------------------------------------------
// Dashboard

export async function dashboardStats(actor: TActor) {
  requireOfficer(actor);
  const notDraft: Prisma.ApplicationWhereInput = { status: { not: 'DRAFT' } };
  const [byOutcome, byStatus, byDestination, timing] = await Promise.all([
    db.application.groupBy({ by: ['outcome'], where: notDraft, _count: { _all: true } }),
    db.application.groupBy({ by: ['status'], where: notDraft, _count: { _all: true } }),
    db.application.groupBy({ by: ['destinationCountry'], where: notDraft, _count: { _all: true }, orderBy: { _count: { destinationCountry: 'desc' } }, take: 12 }),
    db.$queryRaw<{ median: number | null; p90: number | null; decided: bigint }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("decidedAt" - "submittedAt"))) AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("decidedAt" - "submittedAt"))) AS p90,
             COUNT(*) AS decided
      FROM "Application" WHERE "decidedAt" IS NOT NULL AND "submittedAt" IS NOT NULL`,
  ]);
  const t = timing[0];
  return {
    byOutcome: byOutcome.map((g) => ({ outcome: g.outcome, count: g._count._all })),
    byStatus: byStatus.map((g) => ({ status: g.status, count: g._count._all })),
    byDestination: byDestination.map((g) => ({ country: g.destinationCountry, count: g._count._all })),
    medianSecondsToDecision: t?.median == null ? null : Number(t.median),
    p90SecondsToDecision: t?.p90 == null ? null : Number(t.p90),
    decided: Number(t?.decided ?? 0),
  };
}
