// Offline verification of an auditor's bundle (a case bundle, or a whole-organisation export of
// case bundles) — no database. Checks, in order:
//   1. the seal: SHA-256 of every byte of the file (any changed byte fails);
//   2. the manifest: every file listed with its size and SHA-256, nothing unlisted;
//   3. the audit rows: each row's hash recomputed from its content and previous hash, and linked to
//      the chain through the anchors (the hash-link of the row that follows each one in the full
//      log, and the chain head at export time).
// What it cannot prove alone: that the anchors are those of the live log. Compare the recorded chain
// head (or any anchor) with the database's (`npm run audit:verify` there) to close that gap.
import { createHash } from 'node:crypto';
import { AUDIT_GENESIS, auditHash } from '@/lib/data/audit';
import { openZipBuffer } from './archive';
import { checkSeal } from './seal';

export const CASE_BUNDLE_FORMAT = 'clearance-case-bundle';
export const ORG_EXPORT_FORMAT = 'clearance-org-export';

export type TBundleFile = { path: string; bytes: number; sha256: string };
export type TChainLink = { seq: string; prevHash: string; hash: string };
export type TBundleManifest = {
  format: typeof CASE_BUNDLE_FORMAT | typeof ORG_EXPORT_FORMAT;
  formatVersion: 1;
  generatedAt: string;
  generatedBy: { email: string; role: string };
  files: TBundleFile[];
  // case bundles
  reference?: string;
  applicationId?: string;
  chainHead?: { seq: string; hash: string } | null;
  // organisation exports
  organization?: string;
  from?: string;
  to?: string;
  cases?: number;
};
export type TBundleAuditRow = {
  seq: string;
  createdAt: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
  prevHash: string;
  hash: string;
};
export type TBundleAnchors = { head: { seq: string; hash: string } | null; successors: Record<string, TChainLink> };

export type TBundleVerification =
  | {
      ok: true;
      format: TBundleManifest['format'];
      label: string;
      files: number;
      auditRows: number;
      cases: number;
      sha256: string;
      chainHead: TBundleManifest['chainHead'];
    }
  | { ok: false; reason: string };

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Checks the audit rows of one case against their hashes and anchors; null when they hold. */
export function checkAuditRows(rows: TBundleAuditRow[], anchors: TBundleAnchors): string | null {
  let previous: TBundleAuditRow | null = null;
  for (const row of rows) {
    const seq = BigInt(row.seq);
    if (previous && seq <= BigInt(previous.seq)) return `audit rows are out of order at seq ${row.seq}`;
    const expected = auditHash({ ...row, createdAt: new Date(row.createdAt) });
    if (expected !== row.hash) return `audit row seq ${row.seq} (${row.action}) does not match its hash: it was edited`;
    if (row.prevHash !== AUDIT_GENESIS && !/^[0-9a-f]{64}$/.test(row.prevHash)) return `audit row seq ${row.seq} has no valid link to its predecessor`;
    const next = anchors.successors[row.seq];
    const head = anchors.head;
    if (next) {
      if (BigInt(next.seq) <= seq || next.prevHash !== row.hash) return `audit row seq ${row.seq} is not linked to the row after it (anchor seq ${next.seq})`;
    } else if (!head || head.seq !== row.seq || head.hash !== row.hash) {
      return `audit row seq ${row.seq} has no anchor in the chain`;
    }
    if (previous) {
      const link = anchors.successors[previous.seq];
      if (link && link.seq === row.seq && link.hash !== row.hash) return `audit row seq ${row.seq} differs from the anchor after seq ${previous.seq}`;
    }
    previous = row;
  }
  if (previous && anchors.head && BigInt(anchors.head.seq) < BigInt(previous.seq)) return 'the chain head recorded is older than the rows in the bundle';
  return null;
}

export async function verifyBundle(bytes: Buffer, depth = 0): Promise<TBundleVerification> {
  const seal = checkSeal(bytes);
  if (!seal.ok) return { ok: false, reason: seal.reason };
  let zip;
  try {
    zip = await openZipBuffer(bytes);
  } catch (err) {
    return { ok: false, reason: `the bundle is not a readable zip archive (${err instanceof Error ? err.message : String(err)})` };
  }
  try {
    if (!zip.entries.has('manifest.json')) return { ok: false, reason: 'the bundle has no manifest.json' };
    const manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as TBundleManifest;
    if ((manifest.format !== CASE_BUNDLE_FORMAT && manifest.format !== ORG_EXPORT_FORMAT) || manifest.formatVersion !== 1) {
      return { ok: false, reason: 'manifest.json does not describe a Clearance bundle this version can read' };
    }
    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    for (const name of zip.entries.keys()) {
      if (name !== 'manifest.json' && !listed.has(name)) return { ok: false, reason: `${name} is in the bundle but not in its manifest` };
    }
    const contents = new Map<string, Buffer>();
    for (const file of manifest.files) {
      if (!zip.entries.has(file.path)) return { ok: false, reason: `${file.path} is listed in the manifest but missing` };
      const data = await zip.read(file.path);
      if (data.length !== file.bytes || sha256(data) !== file.sha256) return { ok: false, reason: `${file.path} does not match its SHA-256 in the manifest` };
      contents.set(file.path, data);
    }
    if (manifest.format === CASE_BUNDLE_FORMAT) {
      const rows = JSON.parse(contents.get('audit/events.json')?.toString('utf8') ?? 'null') as TBundleAuditRow[] | null;
      const anchors = JSON.parse(contents.get('audit/anchors.json')?.toString('utf8') ?? 'null') as TBundleAnchors | null;
      if (!rows || !anchors) return { ok: false, reason: 'the bundle has no audit/events.json or audit/anchors.json' };
      const broken = checkAuditRows(rows, anchors);
      if (broken) return { ok: false, reason: broken };
      return {
        ok: true,
        format: manifest.format,
        label: manifest.reference ?? '?',
        files: manifest.files.length,
        auditRows: rows.length,
        cases: 1,
        sha256: seal.sha256,
        chainHead: manifest.chainHead ?? null,
      };
    }
    if (depth > 0) return { ok: false, reason: 'an organisation export nested in another' };
    let auditRows = 0;
    let cases = 0;
    for (const [name, data] of contents) {
      if (!name.startsWith('cases/')) continue;
      const inner = await verifyBundle(data, depth + 1);
      if (!inner.ok) return { ok: false, reason: `${name}: ${inner.reason}` };
      auditRows += inner.auditRows;
      cases += 1;
    }
    if (manifest.cases !== undefined && manifest.cases !== cases)
      return { ok: false, reason: `the manifest counts ${manifest.cases} case(s), the export holds ${cases}` };
    return {
      ok: true,
      format: manifest.format,
      label: `${manifest.organization ?? '?'} ${manifest.from ?? ''}–${manifest.to ?? ''}`,
      files: manifest.files.length,
      auditRows,
      cases,
      sha256: seal.sha256,
      chainHead: null,
    };
  } catch (err) {
    return { ok: false, reason: `the bundle could not be read (${err instanceof Error ? err.message : String(err)})` };
  } finally {
    zip.close();
  }
}
