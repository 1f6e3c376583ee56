// Rule-set versions in the database ⇄ the engine's plain TRuleSetData, and the built (indexed)
// rule set cached per version in this process. Versions are immutable once ACTIVE or ARCHIVED,
// so a cache keyed by version id never goes stale.
import 'server-only';
import { cclOf, countriesOf, datasetsOf, ruleConfigsOf, toJson } from '@/lib/data/json';
import { createHash } from 'node:crypto';
import { db, type TDb, type TTx } from '@/lib/db';
import type { RuleSetStatus } from '@/lib/generated/prisma/enums';
import { Prisma } from '@/lib/generated/prisma/client';
import { buildRuleSet } from '@/lib/screening';
import { processSingleton } from '@/lib/process-singleton';
import type { TRuleSet } from '@/lib/screening/rule-set';
import type { TClearedMatch, TPartyEntry, TPartyList, TRuleSetData } from '@/lib/screening/types';
import { canonicalJson } from '@/lib/data/audit';
import { AppError } from '@/lib/errors';

const sha256 = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

type TEntryExtra = { expiresOn?: string; licenseRequirement?: string; federalRegister?: string; sourceListUrl?: string };

/** The entry fields kept in PartyEntry.extra (denial-order end date, CSL licence requirement, FR citation, list page). */
function entryExtra(e: TPartyEntry): TEntryExtra | undefined {
  const extra: TEntryExtra = {};
  if (e.expiresOn) extra.expiresOn = e.expiresOn;
  if (e.licenseRequirement) extra.licenseRequirement = e.licenseRequirement;
  if (e.federalRegister) extra.federalRegister = e.federalRegister;
  if (e.sourceListUrl) extra.sourceListUrl = e.sourceListUrl;
  return Object.keys(extra).length > 0 ? extra : undefined;
}

function readEntryExtra(raw: unknown): Pick<TPartyEntry, 'licenseRequirement' | 'federalRegister' | 'sourceListUrl'> {
  const x = (raw ?? {}) as TEntryExtra;
  const out: Pick<TPartyEntry, 'licenseRequirement' | 'federalRegister' | 'sourceListUrl'> = {};
  if (typeof x.licenseRequirement === 'string') out.licenseRequirement = x.licenseRequirement;
  if (typeof x.federalRegister === 'string') out.federalRegister = x.federalRegister;
  if (typeof x.sourceListUrl === 'string') out.sourceListUrl = x.sourceListUrl;
  return out;
}

/** Stores a party-list snapshot (entries in batches), or reuses an identical one. */
export async function storePartyList(tx: TTx | TDb, list: TPartyList, createdById: string | null = null): Promise<string> {
  const hash = sha256(list.entries.map((e) => [e.id, e.contentHash]));
  const existing = await tx.partyList.findFirst({
    where: { code: list.code, sha256: hash, source: list.source, asOf: list.asOf },
    select: { id: true },
  });
  if (existing) return existing.id;
  const created = await tx.partyList.create({
    data: { code: list.code, name: list.name, source: list.source, asOf: list.asOf, sha256: hash, entryCount: list.entries.length, createdById },
    select: { id: true },
  });
  for (let i = 0; i < list.entries.length; i += 5000) {
    await tx.partyEntry.createMany({
      data: list.entries.slice(i, i + 5000).map((e) => ({
        listId: created.id,
        externalId: e.id,
        name: e.name,
        aliases: e.aliases,
        type: e.type,
        countries: e.countries,
        programs: e.programs,
        licensePolicy: e.licensePolicy,
        remarks: e.remarks,
        extra: entryExtra(e),
        contentHash: e.contentHash,
      })),
    });
  }
  return created.id;
}

async function storeCcl(tx: TTx | TDb, ccl: TRuleSetData['ccl']): Promise<string> {
  const hash = sha256(ccl);
  const existing = await tx.referenceDataset.findUnique({ where: { sha256: hash }, select: { id: true } });
  if (existing) return existing.id;
  const created = await tx.referenceDataset.create({
    data: { kind: 'CCL', sha256: hash, source: ccl.source, asOf: ccl.asOf ?? 'undated', data: toJson(ccl) },
    select: { id: true },
  });
  return created.id;
}

export type TCreateRuleSetOptions = {
  data: TRuleSetData;
  status: RuleSetStatus;
  note: string;
  createdById?: string | null;
  basedOnId?: string | null;
  /** reuse stored party lists by id instead of storing `data.lists` */
  partyListIds?: string[];
};

export async function createRuleSetVersion(tx: TTx, options: TCreateRuleSetOptions): Promise<{ id: string; label: string }> {
  const { data, status } = options;
  const cclDatasetId = await storeCcl(tx, data.ccl);
  const listIds = options.partyListIds ?? [];
  if (!options.partyListIds) {
    for (const list of data.lists) listIds.push(await storePartyList(tx, list, options.createdById ?? null));
  }
  const version = await tx.ruleSetVersion.create({
    data: {
      label: data.version,
      status,
      note: options.note,
      asOf: data.asOf ?? null,
      rules: toJson(data.rules),
      countries: toJson(data.countries),
      datasets: toJson(data.datasets),
      cclDatasetId,
      createdById: options.createdById ?? null,
      basedOnId: options.basedOnId ?? null,
      publishedAt: status === 'ACTIVE' ? new Date() : null,
      publishedById: status === 'ACTIVE' ? (options.createdById ?? null) : null,
      partyLists: { create: listIds.map((partyListId) => ({ partyListId })) },
    },
    select: { id: true, label: true },
  });
  return version;
}

/** The plain data of a stored version (for the engine, exports and the admin pages). */
export async function loadRuleSetData(versionId: string, client: TDb | TTx = db): Promise<TRuleSetData> {
  const version = await client.ruleSetVersion.findUnique({
    where: { id: versionId },
    include: { cclDataset: { select: { data: true } }, partyLists: { include: { partyList: true } } },
  });
  if (!version) throw new AppError('NOT_FOUND', 'Rule-set version not found');
  const lists: TPartyList[] = [];
  for (const { partyList } of version.partyLists.sort((a, b) => a.partyList.code.localeCompare(b.partyList.code))) {
    const entries = await client.partyEntry.findMany({ where: { listId: partyList.id }, orderBy: { id: 'asc' } });
    lists.push({
      code: partyList.code,
      name: partyList.name,
      source: partyList.source,
      asOf: partyList.asOf,
      entries: entries
        .map(
          (e): TPartyEntry => ({
            id: e.externalId,
            name: e.name,
            aliases: e.aliases,
            type: e.type,
            countries: e.countries,
            programs: e.programs,
            licensePolicy: e.licensePolicy,
            remarks: e.remarks,
            contentHash: e.contentHash,
            expiresOn: ((e.extra as TEntryExtra | null)?.expiresOn ?? null) || null,
            ...readEntryExtra(e.extra),
          }),
        )
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    });
  }
  return {
    version: version.label,
    ...(version.asOf ? { asOf: version.asOf } : {}),
    rules: ruleConfigsOf(version.rules),
    countries: countriesOf(version.countries),
    ccl: cclOf(version.cclDataset.data),
    lists,
    datasets: datasetsOf(version.datasets),
  };
}

// Built rule sets per version id. ACTIVE/ARCHIVED versions never change; drafts are keyed by their
// update time so an edited draft is rebuilt. A built set with the whole Consolidated Screening List
// indexed takes ~150–200 MB, so the cache keeps two, least recently used out: the active set (used
// by every screening, so never the least recent) and the draft an admin is previewing.
// One cache per process, not per bundle layer (lib/process-singleton.ts).
const cache = processSingleton('ruleSetCache', () => new Map<string, Promise<TRuleSet>>());
const CACHE_LIMIT = 2;

export function getBuiltRuleSet(versionId: string, cacheKey = versionId): Promise<TRuleSet> {
  let built = cache.get(cacheKey);
  if (built) {
    cache.delete(cacheKey);
    cache.set(cacheKey, built);
    return built;
  }
  built = loadRuleSetData(versionId).then(buildRuleSet);
  built.catch(() => cache.delete(cacheKey));
  cache.set(cacheKey, built);
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return built;
}

export type TActiveRuleSet = { id: string; label: string; ruleSet: TRuleSet };

const noActiveRuleSet = () => new AppError('UNAVAILABLE', 'No active rule set. Run the seed (npm run db:seed) or publish a rule set.');

export async function getActiveRuleSet(client: TDb | TTx = db): Promise<TActiveRuleSet> {
  const active = await client.ruleSetVersion.findFirst({ where: { status: 'ACTIVE' }, select: { id: true, label: true } });
  if (!active) throw noActiveRuleSet();
  return { ...active, ruleSet: await getBuiltRuleSet(active.id) };
}

/**
 * The cleared matches in force as the engine's TClearedMatch[] (JSON, oldest first): one definition
 * for loadClearedMatches and loadScreeningContext. The engine re-checks each against the entry's
 * current content hash.
 */
const CLEARED_MATCHES_JSON = Prisma.sql`COALESCE((
  SELECT json_agg(json_build_object(
           'listCode', c."listCode", 'entryId', c."entryExternalId", 'entryContentHash', c."entryContentHash",
           'partyName', c."partyName", 'clearedBy', COALESCE(NULLIF(u.name, ''), u.email),
           'clearedAt', to_char(c."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'justification', c.justification)
         ORDER BY c."createdAt", c.id)
    FROM "ClearedMatch" c JOIN "User" u ON u.id = c."clearedById"
   WHERE c."revokedAt" IS NULL), '[]'::json)`;

/** Cleared matches still in force. */
export async function loadClearedMatches(client: TDb | TTx = db): Promise<TClearedMatch[]> {
  const [row] = await client.$queryRaw<{ cleared: TClearedMatch[] }[]>`SELECT ${CLEARED_MATCHES_JSON} AS cleared`;
  return row!.cleared;
}

/**
 * What every screening against the active rule set needs, in one round trip: the active version
 * and the cleared matches in force. Screening is the busiest path; each query costs a round trip and
 * its share of both processes' CPU.
 */
export type TScreeningContext = { active: { id: string; label: string }; clearedMatches: TClearedMatch[] };

/**
 * The screening context as columns of any query (one definition for every reader): the active
 * version's id and label (null when none is active) and the cleared matches in force. Lets a
 * caller that queries anyway (the API key lookup) bring the context in the same round trip.
 */
export const SCREENING_CONTEXT_COLUMNS = Prisma.sql`
  (SELECT v.id FROM "RuleSetVersion" v WHERE v.status = 'ACTIVE' LIMIT 1) AS "activeId",
  (SELECT v.label FROM "RuleSetVersion" v WHERE v.status = 'ACTIVE' LIMIT 1) AS "activeLabel",
  ${CLEARED_MATCHES_JSON} AS "clearedMatches"`;

export type TScreeningContextColumns = { activeId: string | null; activeLabel: string | null; clearedMatches: TClearedMatch[] };

/** The context from SCREENING_CONTEXT_COLUMNS; no active rule set is an error (screening fails closed). */
export function screeningContextOf(row: TScreeningContextColumns): TScreeningContext {
  if (!row.activeId || row.activeLabel === null) throw noActiveRuleSet();
  return { active: { id: row.activeId, label: row.activeLabel }, clearedMatches: row.clearedMatches };
}

export async function loadScreeningContext(client: TDb | TTx = db): Promise<TScreeningContext> {
  const [row] = await client.$queryRaw<TScreeningContextColumns[]>`SELECT ${SCREENING_CONTEXT_COLUMNS}`;
  return screeningContextOf(row!);
}

/** Next human label for a version created today: "2026-11-27.1", ".2", … */
export async function nextRuleSetLabel(client: TDb | TTx, today = new Date()): Promise<string> {
  const day = today.toISOString().slice(0, 10);
  const existing = await client.ruleSetVersion.findMany({ where: { label: { startsWith: `${day}.` } }, select: { label: true } });
  const max = existing.reduce((m, { label }) => Math.max(m, Number(label.split('.')[1]) || 0), 0);
  return `${day}.${max + 1}`;
}
