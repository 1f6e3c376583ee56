// Background re-screening of stored cases against a rule-set version, in batches with one read per
// batch (cases, then their latest screening runs) and the built rule set taken once per job.
// - IMPACT_PREVIEW: screens every open and decided case against a draft WITHOUT writing anything but
//   the job row; the result lists the cases whose outcome would change, from → to, and the findings
//   that would appear or disappear.
// - RESCREEN (after publish): every open and decided case gets a RESCREEN run under the new active
//   version. Open cases take the new outcome (severity, outcomeChanged, version bumped so an officer
//   acting on the old outcome is told to reload); decided cases keep status, decision and outcome,
//   and are flagged outcomeChanged when the new rules would say something else.
// Both resume from Job.cursor (the last application id done); RESCREEN commits each batch's runs,
// case updates, audit rows and cursor in one transaction, so a restart never repeats or skips one.
import { refreshSlaDue } from '@/lib/data/sla/refresh';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ApplicationStatus, Outcome } from '@/lib/generated/prisma/enums';
import { appendAudit } from '@/lib/data/audit';
import { getBuiltRuleSet, loadClearedMatches } from '@/lib/data/rulesets';
import { severityOf, toScreeningApplication } from '@/lib/data/screening';
import { draftCacheKey } from '@/lib/data/admin-rulesets';
import { diffFindings } from '@/lib/cases/findings';
import { applicationOf, toJson } from '@/lib/data/json';
import { screen } from '@/lib/screening';
import type { TFinding } from '@/lib/screening/types';
import { itemOutcomeChanges, type TItemOutcomeChange } from '@/lib/screening/line-items';
import { saveProgress, type TClaimedJob } from './queue';

export { DECIDED_STATUSES, OPEN_STATUSES } from '@/lib/codes';
import { DECIDED_STATUSES, OPEN_STATUSES } from '@/lib/codes';
const SCREENED_STATUSES = [...OPEN_STATUSES, ...DECIDED_STATUSES];
// Statuses in which the exporter holds the case: no version bump (it would discard their edits).
const EXPORTER_HELD: ApplicationStatus[] = ['INFO_REQUESTED'];

export const BATCH_SIZE = Number(process.env.RESCREEN_BATCH_SIZE ?? 500);
const MAX_FINDINGS_LISTED = 6;

export type TFindingSummary = { ruleId: string; kind: string; outcome: Outcome; message: string };
export type TFindingChange = TFindingSummary & { from: Outcome };
export type TImpactChange = {
  applicationId: string;
  reference: string;
  status: ApplicationStatus;
  productName: string;
  from: Outcome | null;
  to: Outcome;
  appeared: TFindingSummary[];
  disappeared: TFindingSummary[];
  /** the same findings with another outcome (absent in previews stored before this field) */
  changed?: TFindingChange[];
  /** line items whose own outcome would change ("item 2 would change from Clear to Licence required") */
  items?: TItemOutcomeChange[];
};
export type TImpactResult = {
  draftKey: string;
  screened: number;
  changes: TImpactChange[];
};
export type TRescreenResult = {
  screened: number;
  skipped: number;
  changed: number;
  changes: Pick<TImpactChange, 'applicationId' | 'reference' | 'status' | 'from' | 'to'>[];
};

export type TJobContext = { signal: AbortSignal };

type TCaseRow = {
  id: string;
  reference: string;
  status: ApplicationStatus;
  outcome: Outcome | null;
  productName: string;
  data: unknown;
  organization: { country: string } | null;
};
type TRunRow = { applicationId: string; input: unknown; findings: unknown; ruleSetVersionId: string };

async function countCases(): Promise<number> {
  return db.application.count({ where: { status: { in: SCREENED_STATUSES } } });
}

/** The next batch of cases after `cursor` (by id), with each one's latest screening run. */
async function readBatch(cursor: string | null, batchSize: number): Promise<{ cases: TCaseRow[]; runs: Map<string, TRunRow> }> {
  const cases = await db.application.findMany({
    where: { status: { in: SCREENED_STATUSES }, ...(cursor ? { id: { gt: cursor } } : {}) },
    orderBy: { id: 'asc' },
    take: batchSize,
    select: { id: true, reference: true, status: true, outcome: true, productName: true, data: true, organization: { select: { country: true } } },
  });
  if (cases.length === 0) return { cases, runs: new Map() };
  const rows = await db.$queryRaw<TRunRow[]>`
    SELECT DISTINCT ON ("applicationId") "applicationId", input, findings, "ruleSetVersionId"
    FROM "ScreeningRun" WHERE "applicationId" = ANY(${cases.map((c) => c.id)}::text[])
    ORDER BY "applicationId", "createdAt" DESC, id DESC`;
  return { cases, runs: new Map(rows.map((r) => [r.applicationId, r])) };
}

const summary = (f: TFinding): TFindingSummary => ({ ruleId: f.ruleId, kind: f.kind, outcome: f.outcome, message: f.message });

/**
 * The impact preview's view of diffFindings (lib/cases/findings.ts): only what changed — findings
 * that appear, findings that go, and findings that stay with another outcome (listed once, from → to).
 */
export function findingDiff(before: TFinding[], after: TFinding[]) {
  const d = diffFindings(before, after);
  const list = (findings: TFinding[]) =>
    findings
      .filter((f) => !f.cleared)
      .slice(0, MAX_FINDINGS_LISTED)
      .map(summary);
  return {
    appeared: list(d.appeared),
    disappeared: list(d.disappeared),
    changed: d.changed
      .filter((c) => !c.after.cleared)
      .slice(0, MAX_FINDINGS_LISTED)
      .map((c): TFindingChange => ({ ...summary(c.after), from: c.before.outcome })),
  };
}

const batchSizeOf = (job: TClaimedJob) => {
  const n = Number(job.params.batchSize);
  return Number.isInteger(n) && n > 0 ? n : BATCH_SIZE;
};

const yieldToServer = () => new Promise<void>((resolve) => setImmediate(resolve));

export class JobLostError extends Error {
  constructor() {
    super('The job was taken over by another worker or cancelled');
  }
}

export async function runImpactPreview(job: TClaimedJob, ctx: TJobContext): Promise<TImpactResult> {
  const draftId = job.ruleSetVersionId;
  if (!draftId) throw new Error('Impact preview without a draft');
  const draftKey = await draftCacheKey(draftId);
  const previous = job.result as TImpactResult | null;
  const result: TImpactResult = previous && previous.draftKey === draftKey && job.cursor ? previous : { draftKey, screened: 0, changes: [] };
  let cursor = result === previous ? job.cursor : null;
  const ruleSet = await getBuiltRuleSet(draftId, `${draftId}:${draftKey}`);
  const clearedMatches = await loadClearedMatches();
  const total = await countCases();
  if (!(await saveProgress(db, job, { total, done: result.screened, cursor, result }))) throw new JobLostError();
  for (;;) {
    if (ctx.signal.aborted) return result; // stopping: the cursor is saved, another start resumes
    const { cases, runs } = await readBatch(cursor, batchSizeOf(job));
    if (cases.length === 0) break;
    for (const c of cases) {
      const run = runs.get(c.id);
      const input = applicationOf(run?.input ?? c.data);
      const after = screen(toScreeningApplication(input, c.organization), ruleSet, { clearedMatches });
      result.screened += 1;
      const before = (Array.isArray(run?.findings) ? run.findings : []) as TFinding[];
      const items = itemOutcomeChanges({ before: run ? before : null, after: after.findings, names: input.lineItems.map((i) => i.name) });
      if (after.outcome !== c.outcome || items.length > 0) {
        result.changes.push({
          applicationId: c.id,
          reference: c.reference,
          status: c.status,
          productName: c.productName,
          from: c.outcome,
          to: after.outcome,
          ...findingDiff(before, after.findings),
          ...(items.length ? { items } : {}),
        });
      }
    }
    cursor = cases.at(-1)!.id;
    if (!(await saveProgress(db, job, { done: result.screened, total: Math.max(total, result.screened), cursor, result }))) throw new JobLostError();
    await yieldToServer();
  }
  return result;
}

export async function runRescreen(job: TClaimedJob, ctx: TJobContext): Promise<TRescreenResult> {
  const versionId = job.ruleSetVersionId;
  if (!versionId) throw new Error('Re-screen without a rule-set version');
  const version = await db.ruleSetVersion.findUnique({ where: { id: versionId }, select: { label: true } });
  if (!version) throw new Error('Rule-set version not found');
  const ruleSet = await getBuiltRuleSet(versionId);
  const clearedMatches = await loadClearedMatches();
  const result: TRescreenResult = (job.cursor ? (job.result as TRescreenResult | null) : null) ?? { screened: 0, skipped: 0, changed: 0, changes: [] };
  let cursor = job.cursor;
  const total = await countCases();
  if (!(await saveProgress(db, job, { total, done: result.screened + result.skipped, result }))) throw new JobLostError();
  for (;;) {
    if (ctx.signal.aborted) return result;
    const { cases, runs } = await readBatch(cursor, batchSizeOf(job));
    if (cases.length === 0) break;
    const newRuns: Prisma.ScreeningRunCreateManyInput[] = [];
    const openChanges: { id: string; from: Outcome | null; to: Outcome; bump: boolean }[] = [];
    const decidedChanges: { id: string; from: Outcome | null; to: Outcome }[] = [];
    let skipped = 0;
    for (const c of cases) {
      const run = runs.get(c.id);
      if (run?.ruleSetVersionId === versionId) {
        skipped += 1; // already screened under this version (submitted after publishing)
        continue;
      }
      const input = applicationOf(run?.input ?? c.data);
      const screened = screen(toScreeningApplication(input, c.organization), ruleSet, { clearedMatches });
      newRuns.push({
        applicationId: c.id,
        ruleSetVersionId: versionId,
        trigger: 'RESCREEN',
        outcome: screened.outcome,
        previousOutcome: c.outcome,
        findings: toJson(screened.findings),
        input: toJson(input),
      });
      if (screened.outcome !== c.outcome) {
        if (DECIDED_STATUSES.includes(c.status)) decidedChanges.push({ id: c.id, from: c.outcome, to: screened.outcome });
        else openChanges.push({ id: c.id, from: c.outcome, to: screened.outcome, bump: !EXPORTER_HELD.includes(c.status) });
      }
    }
    const lastId = cases.at(-1)!.id;
    const changedHere: TRescreenResult['changes'] = [];
    await db.$transaction(
      async (tx) => {
        if (newRuns.length) await tx.screeningRun.createMany({ data: newRuns });
        if (openChanges.length) {
          // Only while the case is still open with the outcome we screened from (a concurrent
          // decision or resubmission wins; its own screening stands).
          const updated = await tx.$queryRaw<{ id: string }[]>`
            UPDATE "Application" a
            SET outcome = v.outcome::"Outcome", severity = v.severity, "outcomeChanged" = true,
                version = a.version + CASE WHEN v.bump THEN 1 ELSE 0 END, "updatedAt" = now()
            FROM unnest(${openChanges.map((c) => c.id)}::text[], ${openChanges.map((c) => c.to)}::text[],
                        ${openChanges.map((c) => severityOf(c.to))}::int[], ${openChanges.map((c) => c.from ?? '')}::text[],
                        ${openChanges.map((c) => c.bump)}::boolean[]) AS v(id, outcome, severity, prev, bump)
            WHERE a.id = v.id AND COALESCE(a.outcome::text, '') = v.prev AND a.status::text = ANY(${OPEN_STATUSES}::text[])
            RETURNING a.id`;
          const ok = new Set(updated.map((u) => u.id));
          for (const c of openChanges) if (ok.has(c.id)) changedHere.push({ applicationId: c.id, from: c.from, to: c.to, reference: '', status: 'SUBMITTED' });
          // A new outcome has its own service-level target.
          await refreshSlaDue(tx, [...ok]);
        }
        if (decidedChanges.length) {
          const updated = await tx.$queryRaw<{ id: string }[]>`
            UPDATE "Application" a SET "outcomeChanged" = true, "updatedAt" = now()
            WHERE a.id = ANY(${decidedChanges.map((c) => c.id)}::text[]) AND a.status::text = ANY(${DECIDED_STATUSES}::text[])
            RETURNING a.id`;
          const ok = new Set(updated.map((u) => u.id));
          for (const c of decidedChanges)
            if (ok.has(c.id)) changedHere.push({ applicationId: c.id, from: c.from, to: c.to, reference: '', status: 'APPROVED' });
        }
        const byId = new Map(cases.map((c) => [c.id, c]));
        for (const change of changedHere) {
          const c = byId.get(change.applicationId)!;
          change.reference = c.reference;
          change.status = c.status;
          await appendAudit(tx, {
            actor: null,
            action: 'CASE_RESCREENED',
            entityType: 'Application',
            entityId: c.id,
            data: { jobId: job.id, ruleSetVersion: version.label, from: change.from, to: change.to, decided: DECIDED_STATUSES.includes(c.status) },
          });
        }
        const next: TRescreenResult = {
          screened: result.screened + newRuns.length,
          skipped: result.skipped + skipped,
          changed: result.changed + changedHere.length,
          changes: [...result.changes, ...changedHere].slice(0, 5000),
        };
        if (
          !(await saveProgress(tx, job, {
            done: next.screened + next.skipped,
            total: Math.max(total, next.screened + next.skipped),
            cursor: lastId,
            result: next,
          }))
        ) {
          throw new JobLostError(); // rolls the batch back: the new owner does it
        }
        Object.assign(result, next);
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    cursor = lastId;
    await yieldToServer();
  }
  return result;
}
