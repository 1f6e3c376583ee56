// npm run bench:backup — db:backup and db:restore with 100,000 cases (BENCH_CASES): generates them
// in a scratch database (BENCH_DATABASE, default clearance_bench_backup) by cloning one real screened
// submission (application, line item, parties, screening run with its findings) and writing each
// case's two audit rows as a valid hash chain; then times the backup and a restore into a fresh
// database (which ends with the audit chain verified). A benchmark, not a test: it prints figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { prepareDatabase, recreateDatabase } from '../test/database';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);

async function main() {
  const database = await prepareDatabase(process.env.BENCH_DATABASE ?? 'clearance_bench_backup', { demoUsers: false, quiet: true });
  process.env.DATABASE_URL = database.url; // before lib/db is imported
  const { db } = await import('@/lib/db');
  const { submitAndScreen } = await import('@/lib/data/applications');
  const { auditHash } = await import('@/lib/data/audit');
  const { ZApplicationInput } = await import('@/lib/validation/application');
  const { backupDatabase } = await import('@/lib/records/backup');
  const { restoreDatabase } = await import('@/lib/records/restore');

  const started = Date.now();
  const org = await db.organization.create({ data: { name: `Bench org ${randomUUID().slice(0, 6)}` } });
  const exporter = await db.user.create({
    data: { email: `bench-${randomUUID()}@bench.test`, name: 'Bench exporter', role: 'EXPORTER', passwordHash: 'x', organizationId: org.id },
  });
  const actor = { id: exporter.id, email: exporter.email, name: exporter.name, role: exporter.role, organizationId: org.id };
  const input = ZApplicationInput.parse({
    product: {
      name: 'Fingerprint door controller',
      description: 'Access control panel with fingerprint reader',
      eccn: 'EAR99',
      kind: 'HARDWARE',
      quantity: 12,
      unitValueUsd: 480,
      biometric: null,
    },
    destination: { country: 'DE', region: null },
    endUser: { name: 'Acme Buildings GmbH', country: 'DE', address: 'Hauptstrasse 1, 10115 Berlin', type: 'COMMERCIAL' },
    consignees: [{ name: 'Nordic Freight AB', country: 'SE', address: 'Hamngatan 2, Stockholm', role: 'INTERMEDIATE' }],
    endUse: { category: 'ACCESS_CONTROL', description: 'Office building entrances' },
    redFlags: [],
  });
  const template = await submitAndScreen({ actor, input });
  const clone = async (table: string, idExpr: string, where: string, extra: Record<string, string> = {}) => {
    const rows = await db.$queryRawUnsafe<{ column_name: string }[]>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      table,
    );
    const cols = rows.map((r) => r.column_name);
    const exprs = cols.map((c) => (c === 'id' ? idExpr : c === 'applicationId' ? `'bench' || g` : (extra[c] ?? `t."${c}"`)));
    await db.$executeRawUnsafe(
      `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) SELECT ${exprs.join(', ')} FROM "${table}" t, generate_series(1, ${CASES}) g WHERE ${where}`,
    );
  };
  const day = `(g % 1800) * interval '1 day'`; // five years of cases
  await clone('Application', `'bench' || g`, `t.id = '${template.id}'`, {
    reference: `'BENCH-' || lpad(g::text, 7, '0')`,
    createdAt: `now() - ${day}`,
    submittedAt: `now() - ${day}`,
    updatedAt: `now() - ${day}`,
  });
  for (const table of ['LineItem', 'ApplicationParty', 'ScreeningRun']) await clone(table, `t.id || '-' || g`, `t."applicationId" = '${template.id}'`);
  // Two audit rows per case, hash-chained after the current head.
  const head = await db.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
  let prevHash = head!.hash;
  const base = Date.now() - CASES * 2;
  const BATCH = 2000;
  for (let from = 1; from <= CASES; from += BATCH / 2) {
    const rows: unknown[][] = [];
    for (let g = from; g < from + BATCH / 2 && g <= CASES; g += 1) {
      for (const action of ['APPLICATION_SUBMITTED', 'SCREENING_COMPLETED']) {
        const row = {
          createdAt: new Date(base + rows.length + from * 2),
          actorId: exporter.id,
          actorEmail: exporter.email,
          action,
          entityType: 'Application',
          entityId: `bench${g}`,
          data: action === 'APPLICATION_SUBMITTED' ? { reference: `BENCH-${String(g).padStart(7, '0')}` } : { outcome: template.outcome, findings: 2 },
          prevHash,
        };
        const hash = auditHash(row);
        rows.push([
          row.createdAt.toISOString(),
          row.actorId,
          row.actorEmail,
          row.action,
          row.entityType,
          row.entityId,
          JSON.stringify(row.data),
          row.prevHash,
          hash,
        ]);
        prevHash = hash;
      }
    }
    const cols = ['createdAt', 'actorId', 'actorEmail', 'action', 'entityType', 'entityId', 'data', 'prevHash', 'hash'];
    const casts = ['timestamp(3)[]', 'text[]', 'text[]', 'text[]', 'text[]', 'text[]', 'jsonb[]', 'text[]', 'text[]'];
    await db.$executeRawUnsafe(
      `INSERT INTO "AuditEvent" (${cols.map((c) => `"${c}"`).join(', ')}) SELECT * FROM unnest(${casts.map((c, i) => `$${i + 1}::${c}`).join(', ')})`,
      ...cols.map((_, i) => rows.map((r) => r[i])),
    );
  }
  await db.$executeRawUnsafe('ANALYZE');
  console.log(
    `generated ${CASES.toLocaleString()} cases (+ runs, line items, parties, ${(CASES * 2).toLocaleString()} audit rows) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  await db.$disconnect();

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clearance-bench-')), 'bench.zip');
  const backup = await backupDatabase(database.url, { file });
  const rows = backup.manifest.tables.reduce((s, t) => s + t.rows, 0);
  const raw = backup.manifest.tables.reduce((s, t) => s + t.bytes, 0);
  console.log(
    `backup:  ${(backup.ms / 1000).toFixed(1)} s — ${rows.toLocaleString()} rows, ${(raw / 1e6).toFixed(0)} MB of COPY text → ${(backup.bytes / 1e6).toFixed(1)} MB zip`,
  );

  const target = new URL(database.url);
  target.pathname = `${target.pathname}_restore`;
  await recreateDatabase(target.toString());
  const restored = await restoreDatabase(target.toString(), file, {
    log: (line) => {
      if (!line.startsWith('  ')) console.log(`  ${line}`);
    },
  });
  console.log(
    `restore: ${(restored.ms / 1000).toFixed(1)} s — ${restored.rows.toLocaleString()} rows, audit chain of ${restored.auditRows.toLocaleString()} rows verified (included)`,
  );
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  await database.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
