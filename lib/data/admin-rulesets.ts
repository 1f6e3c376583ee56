// Rule-set versions as administrators change them (PRODUCT.md §3–4): a DRAFT copied from the ACTIVE
// version, edits of its rules and country data, an impact preview, and publishing (the old version
// is archived, never deleted, so past screenings can be reproduced). ACTIVE and ARCHIVED versions
// are read-only: every write locks the version row and refuses anything but a DRAFT. Every change
// writes its audit row in the same transaction.
import 'server-only';
import { countriesOf, datasetsOf, ruleConfigsOf, toJson } from '@/lib/data/json';
import { createHash, randomUUID } from 'node:crypto';
import { db, type TDb, type TTx } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit, canonicalJson } from '@/lib/data/audit';
import { noteLocalChange } from '@/lib/data/change-feed';
import { getBuiltRuleSet, nextRuleSetLabel } from '@/lib/data/rulesets';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RuleSetStatus } from '@/lib/generated/prisma/enums';
import { enqueueJob, latestJobView, type TJobView } from '@/lib/jobs/queue';
import type { TCountriesData, TDataset, TRuleConfig } from '@/lib/screening/types';
import type { TCountryEdit, TRuleContext } from '@/lib/validation/rules';

export function requireAdmin(actor: TActor) {
  if (actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only administrators can change rule sets and lists.');
}

const STATUS_WORDS: Record<RuleSetStatus, string> = { DRAFT: 'a draft', ACTIVE: 'active', ARCHIVED: 'archived' };

/** Locks a version row for the rest of the transaction and checks that it is a draft. */
export async function lockDraft(tx: TTx, versionId: string) {
  const rows = await tx.$queryRaw<{ id: string; status: RuleSetStatus; label: string; basedOnId: string | null }[]>`
    SELECT id, status::text AS status, label, "basedOnId" FROM "RuleSetVersion" WHERE id = ${versionId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'Rule-set version not found.');
  if (row.status !== 'DRAFT') {
    throw new AppError('FORBIDDEN', `Version ${row.label} is ${STATUS_WORDS[row.status]} and read-only. Create a draft to make changes.`);
  }
  return row;
}

/**
 * A key that changes whenever the draft's content changes (the version row has no update time):
 * the built rule set of a draft is cached under `${id}:${key}`, so an edited draft is rebuilt.
 */
export async function draftCacheKey(versionId: string, client: TDb | TTx = db): Promise<string> {
  const v = await client.ruleSetVersion.findUnique({
    where: { id: versionId },
    select: { label: true, asOf: true, rules: true, countries: true, datasets: true, cclDatasetId: true, partyLists: { select: { partyListId: true } } },
  });
  if (!v) throw new AppError('NOT_FOUND', 'Rule-set version not found.');
  const lists = v.partyLists.map((l) => l.partyListId).sort();
  return createHash('sha256')
    .update(canonicalJson({ label: v.label, asOf: v.asOf, rules: v.rules, countries: v.countries, datasets: v.datasets, ccl: v.cclDatasetId, lists }))
    .digest('hex')
    .slice(0, 24);
}

const PERSON = { select: { name: true, email: true } } as const;

export type TVersionSummary = {
  id: string;
  label: string;
  status: RuleSetStatus;
  note: string;
  createdAt: Date;
  createdBy: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  basedOnLabel: string | null;
};

export async function listVersions(actor: TActor): Promise<TVersionSummary[]> {
  requireAdmin(actor);
  const rows = await db.ruleSetVersion.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 50,
    select: {
      id: true, label: true, status: true, note: true, createdAt: true, publishedAt: true,
      createdBy: PERSON, publishedBy: PERSON, basedOn: { select: { label: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    status: r.status,
    note: r.note,
    createdAt: r.createdAt,
    createdBy: r.createdBy ? r.createdBy.name || r.createdBy.email : null,
    publishedAt: r.publishedAt,
    publishedBy: r.publishedBy ? r.publishedBy.name || r.publishedBy.email : null,
    basedOnLabel: r.basedOn?.label ?? null,
  }));
}

export type TVersionDetail = {
  id: string;
  label: string;
  status: RuleSetStatus;
  note: string;
  asOf: string | null;
  rules: TRuleConfig[];
  countries: TCountriesData;
  datasets: TDataset[];
  lists: { id: string; code: string; name: string; source: string; asOf: string; entryCount: number }[];
};

/** A version with everything the rules page shows (not the CCL, not the list entries). */
export async function getVersionDetail(actor: TActor, versionId: string): Promise<TVersionDetail> {
  requireAdmin(actor);
  const v = await db.ruleSetVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true, label: true, status: true, note: true, asOf: true, rules: true, countries: true, datasets: true,
      partyLists: { select: { partyList: { select: { id: true, code: true, name: true, source: true, asOf: true, entryCount: true } } } },
    },
  });
  if (!v) throw new AppError('NOT_FOUND', 'Rule-set version not found.');
  return {
    id: v.id,
    label: v.label,
    status: v.status,
    note: v.note,
    asOf: v.asOf,
    rules: ruleConfigsOf(v.rules),
    countries: countriesOf(v.countries),
    datasets: datasetsOf(v.datasets),
    lists: v.partyLists.map((l) => l.partyList).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

export async function findVersionIds(actor: TActor): Promise<{ activeId: string | null; draftId: string | null }> {
  requireAdmin(actor);
  const rows = await db.ruleSetVersion.findMany({ where: { status: { in: ['ACTIVE', 'DRAFT'] } }, select: { id: true, status: true }, orderBy: { createdAt: 'desc' } });
  return { activeId: rows.find((r) => r.status === 'ACTIVE')?.id ?? null, draftId: rows.find((r) => r.status === 'DRAFT')?.id ?? null };
}

/** The codes an edit of this version may use (for validation). */
export function ruleContextOf(countries: TCountriesData): TRuleContext {
  const countryCodes = new Set([...Object.keys(countries.names ?? {}), ...Object.keys(countries.chart?.rows ?? {})]);
  const groupCodes = new Set([...Object.keys(countries.groups?.labels ?? {}), ...Object.values(countries.groups?.membership ?? {}).flat()]);
  return { countryCodes, groupCodes };
}

// A transaction-scoped lock so two admins cannot both create "the" draft.
const DRAFT_LOCK_KEY = 0x44726166; // "Draf"

/** Creates a draft from the ACTIVE version (rules, countries, datasets, CCL and list links; entries are shared, not copied). */
export async function createDraft(actor: TActor): Promise<{ id: string }> {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DRAFT_LOCK_KEY}::bigint)`;
    const existing = await tx.ruleSetVersion.findFirst({ where: { status: 'DRAFT' }, select: { id: true, label: true } });
    if (existing) throw new AppError('CONFLICT', `There is already a draft (${existing.label}). Continue with it, or publish it first.`);
    const active = await tx.ruleSetVersion.findFirst({
      where: { status: 'ACTIVE' },
      select: { id: true, label: true, asOf: true, rules: true, countries: true, datasets: true, cclDatasetId: true, partyLists: { select: { partyListId: true } } },
    });
    if (!active) throw new AppError('UNAVAILABLE', 'There is no active rule set to start a draft from.');
    const draft = await tx.ruleSetVersion.create({
      data: {
        label: `draft-${randomUUID().slice(0, 8)}`,
        status: 'DRAFT',
        note: `Draft based on ${active.label}`,
        asOf: active.asOf,
        basedOnId: active.id,
        rules: active.rules as Prisma.InputJsonValue,
        countries: active.countries as Prisma.InputJsonValue,
        datasets: active.datasets as Prisma.InputJsonValue,
        cclDatasetId: active.cclDatasetId,
        createdById: actor.id,
        partyLists: { create: active.partyLists.map((l) => ({ partyListId: l.partyListId })) },
      },
      select: { id: true, label: true },
    });
    await appendAudit(tx, { actor, action: 'RULESET_DRAFT_CREATED', entityType: 'RuleSetVersion', entityId: draft.id, data: { basedOn: active.label, label: draft.label } });
    return { id: draft.id };
  });
}

export type TRuleUpdate = { versionId: string; ruleId: string; enabled: boolean; params: Record<string, unknown> };

/** Changes one rule of a draft (validated by lib/validation/rules.ts before it gets here). */
export async function updateDraftRule(actor: TActor, update: TRuleUpdate): Promise<void> {
  requireAdmin(actor);
  await db.$transaction(async (tx) => {
    await lockDraft(tx, update.versionId);
    const v = await tx.ruleSetVersion.findUniqueOrThrow({ where: { id: update.versionId }, select: { rules: true } });
    const rules = ruleConfigsOf(v.rules);
    const index = rules.findIndex((r) => r.id === update.ruleId);
    if (index < 0) throw new AppError('NOT_FOUND', `Rule ${update.ruleId} is not in this version.`);
    const before = rules[index]!;
    const after: TRuleConfig = { ...before, enabled: update.enabled, params: update.params };
    if (canonicalJson(before) === canonicalJson(after)) return;
    const next = rules.map((r, i) => (i === index ? after : r));
    await tx.ruleSetVersion.update({ where: { id: update.versionId }, data: { rules: toJson(next) } });
    await appendAudit(tx, {
      actor,
      action: 'RULE_CHANGED',
      entityType: 'RuleSetVersion',
      entityId: update.versionId,
      data: { ruleId: update.ruleId, before: { enabled: before.enabled, params: before.params }, after: { enabled: after.enabled, params: after.params } },
    });
  });
}

/** Changes a country's Freedom House status and Country Group membership in a draft. */
export async function updateDraftCountry(actor: TActor, versionId: string, edit: TCountryEdit): Promise<void> {
  requireAdmin(actor);
  await db.$transaction(async (tx) => {
    await lockDraft(tx, versionId);
    const v = await tx.ruleSetVersion.findUniqueOrThrow({ where: { id: versionId }, select: { countries: true } });
    const countries = structuredClone(countriesOf(v.countries));
    const ctx = ruleContextOf(countries);
    if (!ctx.countryCodes.has(edit.code)) throw new AppError('INVALID', `Unknown country ${edit.code}.`);
    const before = { freedom: countries.freedom[edit.code] ?? null, groups: [...(countries.groups.membership[edit.code] ?? [])].sort() };
    if (edit.freedom) countries.freedom[edit.code] = edit.freedom;
    else delete countries.freedom[edit.code];
    if (edit.groups.length) countries.groups.membership[edit.code] = edit.groups;
    else delete countries.groups.membership[edit.code];
    const after = { freedom: edit.freedom, groups: edit.groups };
    if (canonicalJson(before) === canonicalJson(after)) return;
    await tx.ruleSetVersion.update({ where: { id: versionId }, data: { countries: toJson(countries) } });
    await appendAudit(tx, { actor, action: 'COUNTRY_DATA_CHANGED', entityType: 'RuleSetVersion', entityId: versionId, data: { country: edit.code, before, after } });
  });
}

/** Starts an impact preview of the draft in the background. */
export async function startImpactPreview(actor: TActor, versionId: string): Promise<{ jobId: string }> {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    await lockDraft(tx, versionId);
    const running = await tx.job.findFirst({ where: { type: 'IMPACT_PREVIEW', ruleSetVersionId: versionId, status: { in: ['QUEUED', 'RUNNING'] } }, select: { id: true } });
    if (running) return { jobId: running.id };
    const job = await enqueueJob(tx, { type: 'IMPACT_PREVIEW', ruleSetVersionId: versionId, createdById: actor.id });
    await appendAudit(tx, { actor, action: 'IMPACT_PREVIEW_STARTED', entityType: 'RuleSetVersion', entityId: versionId, data: { jobId: job.id } });
    return { jobId: job.id };
  });
}

/**
 * Publishes the draft: in ONE transaction the ACTIVE version is archived, the draft becomes ACTIVE
 * with the next label and the change note, an audit row is written and the RESCREEN job queued.
 */
export async function publishDraft(actor: TActor, versionId: string, note: string): Promise<{ label: string; jobId: string }> {
  requireAdmin(actor);
  // Refuse a draft the engine cannot build, before anything changes.
  const key = await draftCacheKey(versionId);
  try {
    await getBuiltRuleSet(versionId, `${versionId}:${key}`);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('INVALID', `This draft cannot be published: ${err instanceof Error ? err.message : String(err)}`);
  }
  const result = await db.$transaction(
    async (tx) => {
      const draft = await lockDraft(tx, versionId);
      const [active] = await tx.$queryRaw<{ id: string; label: string }[]>`
        SELECT id, label FROM "RuleSetVersion" WHERE status = 'ACTIVE' FOR UPDATE`;
      if (active && draft.basedOnId && active.id !== draft.basedOnId) {
        throw new AppError('CONFLICT', `Version ${active.label} was published after this draft was started. Start a new draft from it.`);
      }
      if (active) await tx.ruleSetVersion.update({ where: { id: active.id }, data: { status: 'ARCHIVED' } });
      const label = await nextRuleSetLabel(tx);
      const published = await tx.ruleSetVersion.update({
        where: { id: versionId },
        data: { status: 'ACTIVE', label, note, publishedAt: new Date(), publishedById: actor.id },
        select: { datasets: true },
      });
      const job = await enqueueJob(tx, { type: 'RESCREEN', ruleSetVersionId: versionId, createdById: actor.id });
      await appendAudit(tx, {
        actor,
        action: 'RULESET_PUBLISHED',
        entityType: 'RuleSetVersion',
        entityId: versionId,
        data: { label, note, previous: active?.label ?? null, datasets: published.datasets, rescreenJobId: job.id },
      });
      return { label, jobId: job.id };
    },
    { timeout: 30_000 },
  );
  noteLocalChange(); // the active version changed (cached with API keys, lib/data/change-feed.ts)
  return result;
}

export type TImpactJob = { job: TJobView; draftKey: string | null; current: boolean };

export async function latestImpactPreview(actor: TActor, versionId: string): Promise<TImpactJob | null> {
  requireAdmin(actor);
  const job = await latestJobView({ type: 'IMPACT_PREVIEW', ruleSetVersionId: versionId });
  if (!job) return null;
  const row = await db.job.findUnique({ where: { id: job.id }, select: { result: true } });
  const draftKey = (row?.result as { draftKey?: string } | null)?.draftKey ?? null;
  const current = draftKey !== null && draftKey === (await draftCacheKey(versionId));
  return { job, draftKey, current };
}

export async function latestRescreen(actor: TActor): Promise<(TJobView & { label: string | null }) | null> {
  requireAdmin(actor);
  const job = await latestJobView({ type: 'RESCREEN' });
  if (!job) return null;
  const v = job.ruleSetVersionId ? await db.ruleSetVersion.findUnique({ where: { id: job.ruleSetVersionId }, select: { label: true } }) : null;
  return { ...job, label: v?.label ?? null };
}

/** The stored result of a job (impact preview changes, re-screen summary), for admins. */
export async function getJobResult<T>(actor: TActor, jobId: string): Promise<T | null> {
  requireAdmin(actor);
  const row = await db.job.findUnique({ where: { id: jobId }, select: { result: true } });
  return (row?.result as T | null) ?? null;
}
