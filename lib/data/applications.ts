// Exporters' applications: drafts, submit-and-screen in one transaction, reads scoped to the
// actor's organisation. Authorization is part of every query: another organisation's application
// is "not found", never "forbidden" (no leak of what exists).
import { countryCodeFrom } from '@/lib/countries';
import 'server-only';
import { dueOnAtFirstSubmission, refreshSlaDue } from '@/lib/data/sla/refresh';
import { getSlaSettings } from '@/lib/data/sla/current';
import { toJson } from '@/lib/data/json';
import { fromStatuses } from '@/lib/workflow';
import { db, type TTx } from '@/lib/db';
import { searchWhere } from '@/lib/data/search';
import type { TActor } from '@/lib/authz';
import { appendAudit, appendAudits } from '@/lib/data/audit';
import { getActiveRuleSet, getBuiltRuleSet, loadScreeningContext, type TScreeningContext } from '@/lib/data/rulesets';
import { exporterOf, screenInContext, severityOf, type TExporter, type TScreened } from '@/lib/data/screening';
import { insertSubmissionRows, type TApplicationColumns, type TSubmissionRows } from '@/lib/data/store-submissions';
import { newId } from '@/lib/ids';
import { groupCommit } from '@/lib/group-commit';
import { processSingleton } from '@/lib/process-singleton';
import { parseEccn } from '@/lib/screening/eccn';
import type { TRuleSet } from '@/lib/screening/rule-set';
import { AppError } from '@/lib/errors';
import type { ApplicationStatus, Outcome, PartyRole } from '@/lib/generated/prisma/enums';
import { Prisma } from '@/lib/generated/prisma/client';
import { storedApplicationInput, type TApplicationInput, type TLineItemInput } from '@/lib/validation/application';
import { lineItemResults } from '@/lib/screening/line-items';
import { findingsOf } from '@/lib/data/json';
import { unsafeTextPaths, unsafeTextProblem } from '@/lib/validation/fields';
import { findingsForExporter } from '@/lib/cases/exporter-view';
export type { TExporterFinding } from '@/lib/cases/exporter-view';

/** Where an exporter may still edit and submit (lib/workflow.ts). */
export const EDITABLE_STATUSES = fromStatuses('SUBMIT');
const DECIDED: ApplicationStatus[] = ['APPROVED', 'APPROVED_IN_PART', 'DENIED'];
const MAX_DRAFT_BYTES = 200_000;

function requireExporter(actor: TActor): string {
  if (actor.role !== 'EXPORTER' || !actor.organizationId) throw new AppError('FORBIDDEN', 'Only exporters can create or change applications.');
  return actor.organizationId;
}

/** `count` new application references ("CLR-2026-000123"), from one sequence read. */
async function nextReferences(tx: TTx, count: number, now = new Date()): Promise<string[]> {
  const rows = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('application_reference_seq') AS n FROM generate_series(1, ${count}::int)`;
  return rows.map(({ n }) => `CLR-${now.getUTCFullYear()}-${String(n).padStart(6, '0')}`);
}

/** Queue columns derived from (possibly partial) application data: the first item names the application. */
function columnsOf(data: Partial<TApplicationInput> | Record<string, unknown>) {
  const d = data as { lineItems?: unknown; product?: { name?: unknown; eccn?: unknown }; destination?: { country?: unknown; region?: unknown }; endUser?: { name?: unknown; type?: unknown }; endUse?: { category?: unknown } };
  const str = (v: unknown, max = 200) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);
  const items = (Array.isArray(d.lineItems) ? d.lineItems : d.product ? [d.product] : []) as { name?: unknown; eccn?: unknown }[];
  const first = items[0];
  const firstName = str(first?.name, 160);
  const more = items.length - 1;
  const eccns = [...new Set(items.map((i) => str(i?.eccn, 40)).filter((e): e is string => !!e))];
  return {
    productName: firstName ? (more > 0 ? `${firstName} and ${more} more item${more === 1 ? '' : 's'}` : firstName) : 'Untitled application',
    eccn: eccns.length ? eccns.join(', ').slice(0, 200) : null,
    lineItemCount: items.length,
    // Only a country code: a draft's "Narnia" is no country (cutting it to "NA" made it Namibia).
    destinationCountry: countryCodeFrom(str(d.destination?.country, 100)),
    destinationRegion: str(d.destination?.region, 10),
    endUserName: str(d.endUser?.name),
    endUserType: str(d.endUser?.type, 40),
    endUseCategory: str(d.endUse?.category, 60),
  };
}

export type TEccnCheck = { known: boolean; title?: string; message?: string };

/**
 * Is this ECCN on the rule set's Commerce Control List? EAR99 and "not classified" (null) are always
 * acceptable; an ECCN is known when its base entry (5A001 for 5A001.j) is on the CCL.
 */
export function checkEccn(ruleSet: TRuleSet, eccn: string | null): TEccnCheck {
  const parsed = parseEccn(eccn);
  if (parsed.kind === 'UNCLASSIFIED') return { known: true };
  if (parsed.kind === 'EAR99') return { known: true, title: 'EAR99: subject to the EAR but on no CCL entry' };
  if (parsed.kind === 'INVALID') return { known: false, message: 'Enter EAR99 or an ECCN such as 3A981 or 5A001.j' };
  const entry = ruleSet.ccl.get(parsed.eccn);
  if (!entry) return { known: false, message: `${parsed.input} is not on the Commerce Control List` };
  return { known: true, title: entry.title };
}

/** The check the ECCN field runs as the exporter types: against the ACTIVE rule set's CCL. */
export async function lookupEccn(code: string): Promise<TEccnCheck> {
  const { ruleSet } = await getActiveRuleSet();
  return checkEccn(ruleSet, code.trim() === '' ? null : code);
}

/** Throws NOT_FOUND if the application is not the actor's organisation's, CONFLICT if it changed since `expectedVersion`. */
async function assertEditable(tx: TTx, organizationId: string, id: string, expectedVersion: number) {
  const current = await tx.application.findFirst({ where: { id, organizationId, deletedAt: null }, select: { version: true, status: true } });
  if (!current) throw new AppError('NOT_FOUND', 'Application not found.');
  if (!EDITABLE_STATUSES.includes(current.status)) {
    throw new AppError('CONFLICT', 'This application has been submitted and can no longer be edited.');
  }
  if (current.version !== expectedVersion) {
    throw new AppError('CONFLICT', 'This application was changed elsewhere (another tab or a colleague) since you opened it. Reload to see the latest version; your changes here were not saved.');
  }
  return current;
}

export type TSaveDraftOptions = { actor: TActor; id?: string; expectedVersion?: number; data: Record<string, unknown>; submissionToken?: string; copiedFrom?: { id: string; reference: string } };

// P2002 from a Prisma query, P2010 (a raw query failed) from the submissions' one INSERT statement.
const isTokenViolation = (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError &&
  (err.code === 'P2002' || (err.code === 'P2010' && err.message.includes('23505'))) &&
  `${err.message} ${JSON.stringify(err.meta ?? {})}`.includes('submissionToken');

/**
 * Runs `create` (which stores `submissionToken` on the new application). When another request with
 * the same token got there first (a double click, two tabs, a retry), answers with THAT application
 * instead of creating a second one.
 */
async function oncePerToken<T>(organizationId: string, submissionToken: string | undefined, create: () => Promise<T>, existing: (app: { id: string; version: number; reference: string; outcome: Outcome | null }) => T): Promise<T> {
  try {
    return await create();
  } catch (err) {
    if (!submissionToken || !isTokenViolation(err)) throw err;
    const app = await db.application.findFirst({ where: { submissionToken, organizationId }, select: { id: true, version: true, reference: true, outcome: true } });
    if (!app) throw new AppError('CONFLICT', 'This form was already submitted. Reload the page to start a new application.');
    return existing(app);
  }
}

/** Saves partial data as typed (validation of required fields happens on submit). Bumps the version. */
export async function saveDraft({ actor, id, expectedVersion, data, submissionToken, copiedFrom }: TSaveDraftOptions): Promise<{ id: string; version: number; reference: string }> {
  const organizationId = requireExporter(actor);
  if (JSON.stringify(data).length > MAX_DRAFT_BYTES) throw new AppError('INVALID', 'This draft is too large to save.');
  // A draft is stored as typed, but PostgreSQL cannot store NUL or a lone surrogate (jsonb refuses them).
  const unstorable = unsafeTextPaths(data);
  if (Object.keys(unstorable).length > 0) {
    throw new AppError('INVALID', 'Some fields contain characters that cannot be saved.', { fieldErrors: unstorable });
  }
  const json = data as Prisma.InputJsonObject;
  return oncePerToken(organizationId, id ? undefined : submissionToken, () => db.$transaction(async (tx) => {
    if (id) {
      await assertEditable(tx, organizationId, id, expectedVersion ?? -1);
      const updated = await tx.application.updateMany({
        where: { id, organizationId, deletedAt: null, version: expectedVersion, status: { in: EDITABLE_STATUSES } },
        data: { ...columnsOf(data), data: json, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new AppError('CONFLICT', 'This application was changed elsewhere. Reload to see the latest version.');
      await appendAudit(tx, { actor, action: 'APPLICATION_DRAFT_SAVED', entityType: 'Application', entityId: id, data: { version: expectedVersion! + 1 } });
      const row = await tx.application.findUniqueOrThrow({ where: { id }, select: { id: true, version: true, reference: true } });
      return row;
    }
    const created = await tx.application.create({
      data: { reference: (await nextReferences(tx, 1))[0]!, organizationId, createdById: actor.id, status: 'DRAFT', ...columnsOf(data), data: json, submissionToken: submissionToken ?? null, copiedFromId: copiedFrom?.id ?? null },
      select: { id: true, version: true, reference: true },
    });
    await appendAudit(tx, {
      actor, action: 'APPLICATION_CREATED', entityType: 'Application', entityId: created.id,
      data: { reference: created.reference, ...(copiedFrom ? { copiedFromId: copiedFrom.id, copiedFromReference: copiedFrom.reference } : {}) },
    });
    return created;
  }), (app) => ({ id: app.id, version: app.version, reference: app.reference }));
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

export type TSubmitOptions = {
  actor: TActor;
  id?: string;
  expectedVersion?: number;
  input: TApplicationInput;
  submissionToken?: string;
  /** the organisation's country of establishment when the caller has it (an API key's lookup reads it) */
  exporter?: TExporter;
  /** the active version and cleared matches when the caller has them (an API key's lookup reads them) */
  context?: TScreeningContext;
};

/** A submission screened and ready to store: what one caller hands to the store. */
type TScreenedSubmission = { actor: TActor; organizationId: string; input: TApplicationInput; screened: TScreened; submissionToken?: string };
type TStoredSubmission = { id: string; reference: string; outcome: Outcome };

/** The application row's columns for a submission (first or again). */
const submittedFields = ({ actor, input, screened }: TScreenedSubmission, now: Date) => ({
  ...columnsOf(input),
  data: toJson(input),
  status: 'SUBMITTED' as const,
  outcome: screened.result.outcome,
  severity: severityOf(screened.result.outcome),
  outcomeChanged: false,
  submittedAt: now,
  submittedById: actor.id,
});

type TRecordsEntry = { submission: TScreenedSubmission; applicationId: string; reference: string; previousOutcome: Outcome | null; resubmission: boolean };

/** A submission's rows for insertSubmissionRows: line items, parties and the screening run, with new ids. */
const rowsOf = ({ submission: { input, screened }, applicationId, previousOutcome, resubmission }: TRecordsEntry): TSubmissionRows => ({
  applicationId,
  input,
  lineItems: input.lineItems.map((item, position) => ({
    id: newId(),
    position,
    productName: item.name,
    description: item.description,
    eccn: item.eccn,
    kind: item.kind,
    quantity: item.quantity,
    unitValueUsd: item.unitValueUsd,
    biometric: item.biometric ?? null,
  })),
  parties: partiesOf(input).map((p) => ({ id: newId(), ...p })),
  run: {
    id: newId(),
    ruleSetVersionId: screened.ruleSetVersionId,
    trigger: resubmission ? 'RESUBMIT' : 'SUBMIT',
    outcome: screened.result.outcome,
    previousOutcome,
    findings: screened.result.findings,
  },
});

/**
 * What a submission stores beside its application row, for several applications at once (one
 * statement, lib/data/store-submissions.ts): line items, parties, the screening run (its clock starts
 * at `now`, the same instant as submittedAt) and the two audit events, chained in order under one
 * lock. First submissions (`application` columns given) insert their application row in the same
 * statement.
 */
async function storeSubmissionRecords(tx: TTx, now: Date, entries: (TRecordsEntry & { application?: TApplicationColumns })[]): Promise<void> {
  const rows = entries.map((entry) => ({ ...rowsOf(entry), ...(entry.application ? { application: entry.application } : {}) }));
  await insertSubmissionRows(tx, now, rows, { withApplications: entries.some((e) => e.application) });
  await appendAudits(
    tx,
    entries.flatMap(({ submission: { actor, screened }, applicationId, reference, resubmission }, i) => [
      { actor, action: resubmission ? 'APPLICATION_RESUBMITTED' : 'APPLICATION_SUBMITTED', entityType: 'Application', entityId: applicationId, data: { reference } },
      {
        actor,
        action: 'SCREENING_COMPLETED',
        entityType: 'Application',
        entityId: applicationId,
        data: { screeningRunId: rows[i]!.run.id, outcome: screened.result.outcome, ruleSetVersion: screened.result.ruleSetVersion, findings: screened.result.findings.length },
      },
    ]),
  );
}

/**
 * First submissions, any number, in ONE transaction: references, then applications (with their
 * service-level due day) and their records in one statement, then the audit events. All or nothing
 * (the group commit stores each alone again when a batch fails).
 */
async function storeFirstSubmissions(submissions: TScreenedSubmission[]): Promise<TStoredSubmission[]> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const references = await nextReferences(tx, submissions.length, now);
    const slaSettings = await getSlaSettings(tx);
    // The due day depends only on the outcome here (one instant, one calendar): worked out once per outcome.
    const dueOn = new Map<Outcome, Date | null>();
    const dueOnFor = (outcome: Outcome) => {
      if (!dueOn.has(outcome)) dueOn.set(outcome, dueOnAtFirstSubmission(outcome, now, slaSettings));
      return dueOn.get(outcome) ?? null;
    };
    const entries = submissions.map((submission, i) => {
      const { input, actor, screened } = submission;
      const application: TApplicationColumns = {
        ...columnsOf(input),
        reference: references[i]!,
        organizationId: submission.organizationId,
        createdById: actor.id,
        submittedById: actor.id,
        submissionToken: submission.submissionToken ?? null,
        severity: severityOf(screened.result.outcome),
        slaDueOn: dueOnFor(screened.result.outcome),
      };
      return { submission, applicationId: newId(), reference: references[i]!, previousOutcome: null, resubmission: false, application };
    });
    await storeSubmissionRecords(tx, now, entries);
    return entries.map(({ applicationId, reference, submission }) => ({ id: applicationId, reference, outcome: submission.screened.result.outcome }));
  });
}

/**
 * Concurrent first submissions of this process share transactions (lib/group-commit.ts): under load
 * one BEGIN/COMMIT, one audit-chain lock and one insert per table serve many submissions.
 */
const firstSubmissions = processSingleton('firstSubmissions', () => groupCommit(storeFirstSubmissions, { maxBatch: 32 }));

/** A resubmission of an existing application (a draft, or after a request for information), in one transaction. */
async function storeResubmission(submission: TScreenedSubmission, id: string, expectedVersion: number | undefined): Promise<TStoredSubmission> {
  const { organizationId } = submission;
  return db.$transaction(async (tx) => {
    const now = new Date();
    const current = await assertEditable(tx, organizationId, id, expectedVersion ?? -1);
    const before = await tx.application.findUniqueOrThrow({ where: { id }, select: { outcome: true, reference: true } });
    const updated = await tx.application.updateMany({
      where: { id, organizationId, deletedAt: null, version: expectedVersion, status: { in: EDITABLE_STATUSES } },
      data: { ...submittedFields(submission, now), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError('CONFLICT', 'This application was changed elsewhere. Reload to see the latest version.');
    await tx.lineItem.deleteMany({ where: { applicationId: id } });
    await tx.applicationParty.deleteMany({ where: { applicationId: id } });
    const resubmission = current.status === 'INFO_REQUESTED';
    await storeSubmissionRecords(tx, now, [{ submission, applicationId: id, reference: before.reference, previousOutcome: before.outcome, resubmission }]);
    return { id, reference: before.reference, outcome: submission.screened.result.outcome };
  });
}

/**
 * Validated input → screened against the active rule set → application, line items, parties,
 * screening run and audit events stored in ONE transaction. Resubmission (after a request for
 * information) screens again; earlier runs stay in the history.
 */
export async function submitAndScreen({ actor, id, expectedVersion, input, submissionToken, exporter: knownExporter, context: knownContext }: TSubmitOptions) {
  const organizationId = requireExporter(actor);
  // The ECCN is checked against the same rule-set version the application is screened with.
  // independent reads, side by side: the active version with the cleared matches in force and the
  // exporter's country
  const [context, exporter] = await Promise.all([knownContext ?? loadScreeningContext(), knownExporter ?? exporterOf(organizationId)]);
  const ruleSet = await getBuiltRuleSet(context.active.id);
  const eccnErrors: Record<string, string[]> = {};
  input.lineItems.forEach((item, i) => {
    const eccn = checkEccn(ruleSet, item.eccn);
    if (!eccn.known) eccnErrors[`lineItems.${i}.eccn`] = [eccn.message ?? 'This ECCN is not on the Commerce Control List'];
  });
  const unknown = Object.values(eccnErrors);
  if (unknown.length > 0) {
    throw new AppError('INVALID', unknown.length === 1 ? unknown[0]![0]! : `${unknown.length} ECCNs are not on the Commerce Control List`, { fieldErrors: eccnErrors });
  }
  const submission: TScreenedSubmission = { actor, organizationId, input, screened: screenInContext(input, context, ruleSet, exporter), submissionToken };
  if (!id) {
    return oncePerToken(organizationId, submissionToken, () => firstSubmissions.submit(submission), (app) => ({ id: app.id, reference: app.reference, outcome: app.outcome ?? submission.screened.result.outcome }));
  }
  const submitted = await storeResubmission(submission, id, expectedVersion);
  // After an information request the service-level clock runs again. Its due day is only the
  // queue's sort key, so it is set just after the commit rather than lengthening the submission's
  // transaction (every page computes the clock itself from the history).
  await refreshSlaDue(db, [submitted.id]);
  return submitted;
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
    deletedAt: null,
    ...(filter.status ? { status: filter.status } : {}),
    ...searchWhere(q),
  };
  const [total, rows] = await Promise.all([
    db.application.count({ where }),
    db.application.findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, reference: true, productName: true, eccn: true, lineItemCount: true, destinationCountry: true, status: true, outcome: true, updatedAt: true, submittedAt: true, version: true },
    }),
  ]);
  return { total, page, pageSize, rows };
}

function datasetsOf(json: unknown): { kind: string; source: string; asOf: string }[] {
  return (Array.isArray(json) ? json : [])
    .filter((d): d is { kind: string; source: string; asOf: string } => !!d && typeof d === 'object' && typeof (d as { kind?: unknown }).kind === 'string')
    .map(({ kind, source, asOf }) => ({ kind, source: String(source ?? ''), asOf: String(asOf ?? '') }));
}

/**
 * One application as its exporter may see it: status, the latest and earlier screenings with the
 * findings that concern the exporter (no evidence), effective decisions with the exporter-facing
 * text only, and questions/answers. Internal notes and officers' decision notes are never selected.
 */
export async function getApplicationForExporter(actor: TActor, id: string) {
  const organizationId = requireExporter(actor);
  const app = await db.application.findFirst({
    where: { id, organizationId, deletedAt: null },
    select: {
      id: true, reference: true, status: true, outcome: true, version: true, data: true, productName: true,
      destinationCountry: true, createdAt: true, updatedAt: true, submittedAt: true, decidedAt: true,
      withdrawnAt: true, withdrawalReason: true,
      copiedFrom: { select: { id: true, reference: true } },
      copies: { orderBy: { createdAt: 'asc' }, select: { id: true, reference: true } },
      lineItems: { orderBy: { position: 'asc' }, select: { position: true, productName: true, eccn: true, kind: true, quantity: true, unitValueUsd: true, biometric: true } },
      screeningRuns: { orderBy: { createdAt: 'asc' }, select: { id: true, outcome: true, findings: true, createdAt: true, trigger: true, ruleSetVersion: { select: { label: true, datasets: true } } } },
      decisions: { orderBy: { createdAt: 'asc' }, select: { id: true, type: true, createdAt: true, conditions: true, reason: true, message: true, licenseReference: true, licenseExpiresAt: true, requiresCountersignature: true, countersignedAt: true, lineItemPosition: true } },
      messages: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true, role: true } } } },
    },
  });
  if (!app) throw new AppError('NOT_FOUND', 'Application not found.');
  const runs = app.screeningRuns.map((r) => ({
    id: r.id,
    outcome: r.outcome,
    trigger: r.trigger,
    createdAt: r.createdAt,
    ruleSetLabel: r.ruleSetVersion.label,
    datasets: datasetsOf(r.ruleSetVersion.datasets),
    findings: findingsForExporter(r.findings),
  }));
  // An approval waiting for its countersignature is not yet a decision the exporter can rely on.
  const effective = app.decisions.filter((d) => !((d.type === 'APPROVE' || d.type === 'APPROVE_IN_PART') && d.requiresCountersignature && !d.countersignedAt));
  const decisions = effective.filter((d) => d.lineItemPosition === null);
  const decided = DECIDED.includes(app.status);
  // Line items: the stored rows once submitted, else the draft's; each with its own outcome, the
  // findings that concern it alone, and (once the case is decided) its decision.
  const latestFindings = findingsOf(app.screeningRuns.at(-1)?.findings ?? []);
  const stored = storedApplicationInput(app.data).lineItems;
  const itemRows = app.lineItems.length > 0
    ? app.lineItems.map((i) => ({ position: i.position, name: i.productName, eccn: i.eccn, kind: i.kind, quantity: Number(i.quantity), unitValueUsd: Number(i.unitValueUsd), biometric: i.biometric as TLineItemInput['biometric'] }))
    : stored.map((i, position) => ({ position, name: String(i?.name ?? ''), eccn: i?.eccn ?? null, kind: String(i?.kind ?? ''), quantity: Number(i?.quantity) || 0, unitValueUsd: Number(i?.unitValueUsd) || 0, biometric: i?.biometric ?? null }));
  const itemOutcomes = app.screeningRuns.length ? lineItemResults(latestFindings, itemRows.length) : [];
  const latestExporterFindings = runs.at(-1)?.findings ?? [];
  const lineItems = itemRows.map((item) => {
    const d = decided ? effective.filter((x) => x.lineItemPosition === item.position).at(-1) : undefined;
    return {
      ...item,
      outcome: itemOutcomes[item.position]?.outcome ?? null,
      findings: latestExporterFindings.filter((f) => f.lineItem === item.position),
      decision: d ? { type: d.type as 'APPROVE' | 'DENY', conditions: d.conditions, reason: d.reason, licenseReference: d.licenseReference, licenseExpiresAt: d.licenseExpiresAt } : null,
    };
  });
  const messages = app.messages.map((m) => ({ id: m.id, kind: m.kind as 'QUESTION' | 'ANSWER', body: m.body, createdAt: m.createdAt, authorName: m.author.name }));
  const lastQuestionAt = messages.filter((m) => m.kind === 'QUESTION').at(-1)?.createdAt;
  const openQuestion =
    app.status === 'INFO_REQUESTED' && lastQuestionAt && !messages.some((m) => m.kind === 'ANSWER' && m.createdAt >= lastQuestionAt)
      ? messages.filter((m) => m.kind === 'QUESTION').at(-1)!
      : null;
  return {
    id: app.id, reference: app.reference, status: app.status, outcome: app.outcome, version: app.version, data: app.data,
    productName: app.productName, destinationCountry: app.destinationCountry, createdAt: app.createdAt, updatedAt: app.updatedAt,
    submittedAt: app.submittedAt, decidedAt: app.decidedAt,
    runs, latestRun: runs.at(-1) ?? null, decisions, messages, openQuestion, lineItems,
    withdrawnAt: app.withdrawnAt, withdrawalReason: app.withdrawalReason, copiedFrom: app.copiedFrom, copies: app.copies,
  };
}

export type TExporterApplication = Awaited<ReturnType<typeof getApplicationForExporter>>;

/** The stored (possibly partial) data of an application its exporter may still edit. */
export async function getApplicationForEdit(actor: TActor, id: string) {
  const organizationId = requireExporter(actor);
  const app = await db.application.findFirst({
    where: { id, organizationId, deletedAt: null },
    select: { id: true, reference: true, status: true, version: true, data: true },
  });
  if (!app) throw new AppError('NOT_FOUND', 'Application not found.');
  return { ...app, editable: EDITABLE_STATUSES.includes(app.status) };
}

export type TAnswerOptions = { actor: TActor; id: string; body: string };

/**
 * The exporter answers the officer's open question (status INFO_REQUESTED). The answer is a
 * CaseMessage visible to both sides; the exporter then edits and resubmits.
 */
export async function answerQuestion({ actor, id, body }: TAnswerOptions): Promise<{ id: string }> {
  const organizationId = requireExporter(actor);
  const text = body.trim();
  if (text.length === 0) throw new AppError('INVALID', 'Write your answer before sending it.', { fieldErrors: { body: ['Write your answer before sending it.'] } });
  if (text.length > 5000) throw new AppError('INVALID', 'An answer can be at most 5000 characters.', { fieldErrors: { body: ['An answer can be at most 5000 characters.'] } });
  const problem = unsafeTextProblem(text);
  if (problem) throw new AppError('INVALID', `Your answer ${problem}.`, { fieldErrors: { body: [`Your answer ${problem}.`] } });
  return db.$transaction(async (tx) => {
    // Row lock: two tabs answering at once do not interleave with an officer's change of status.
    const [row] = await tx.$queryRaw<{ status: ApplicationStatus }[]>`
      SELECT status FROM "Application" WHERE id = ${id} AND "organizationId" = ${organizationId} AND "deletedAt" IS NULL FOR UPDATE`;
    if (!row) throw new AppError('NOT_FOUND', 'Application not found.');
    if (row.status !== 'INFO_REQUESTED') throw new AppError('CONFLICT', 'There is no open question on this application any more. Reload to see its current state.');
    const question = await tx.caseMessage.findFirst({ where: { applicationId: id, kind: 'QUESTION' }, orderBy: { createdAt: 'desc' }, select: { id: true } });
    if (!question) throw new AppError('CONFLICT', 'There is no open question on this application.');
    const message = await tx.caseMessage.create({ data: { applicationId: id, authorId: actor.id, kind: 'ANSWER', body: text }, select: { id: true } });
    await appendAudit(tx, { actor, action: 'QUESTION_ANSWERED', entityType: 'Application', entityId: id, data: { messageId: message.id, questionId: question.id } });
    return message;
  });
}
