// npm run audit:verify — walks the hash-chained audit log from the first row and reports the first
// broken link (an edited, removed or inserted row). Exit 0 when the chain holds, 1 when it does not.
// npm run audit:verify -- --bundle FILE — verifies an auditor's bundle (a case bundle or an
// organisation export) WITHOUT the database: the seal over every byte, each file's SHA-256, and the
// case's audit rows against their hashes and chain anchors. Exit 0 verified, 1 not, 2 usage/error.
import fs from 'node:fs';
import { ensureEmbeddedPostgres } from '@/lib/embedded-postgres';
import { verifyBundle } from '@/lib/records/bundle-verify';

async function verifyBundleFile(file: string): Promise<number> {
  const result = await verifyBundle(fs.readFileSync(file));
  if (!result.ok) {
    console.error(`Bundle NOT verified: ${file}: ${result.reason}.`);
    return 1;
  }
  console.log(
    `Bundle verified: ${result.label} — ${result.cases} case(s), ${result.files} file(s), ${result.auditRows} audit row(s); sha256 ${result.sha256}.` +
      (result.chainHead ? `\n  Chain head at export: seq ${result.chainHead.seq} ${result.chainHead.hash} (compare with the live log).` : ''),
  );
  return 0;
}

async function verifyDatabase(): Promise<number> {
  // Without DATABASE_URL, the embedded server (left as found afterwards).
  const server = process.env.DATABASE_URL ? null : await ensureEmbeddedPostgres();
  if (server) process.env.DATABASE_URL = server.url;
  const { db } = await import('@/lib/db');
  const { verifyAuditChain } = await import('@/lib/data/audit');
  try {
    const started = Date.now();
    const result = await verifyAuditChain(db);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.ok) {
      console.log(`Audit chain intact: ${result.rows} row(s) verified in ${seconds} s.`);
      return 0;
    }
    const row = await db.auditEvent.findUnique({
      where: { seq: result.brokenAt },
      select: { seq: true, createdAt: true, action: true, entityType: true, entityId: true, actorEmail: true },
    });
    console.error(`Audit chain BROKEN at row seq=${result.brokenAt}: ${result.reason}.`);
    if (row) {
      console.error(
        `  row ${row.seq}: ${row.createdAt.toISOString()} ${row.action} on ${row.entityType}${row.entityId ? ` ${row.entityId}` : ''}${row.actorEmail ? ` by ${row.actorEmail}` : ''}`,
      );
    }
    console.error(`  ${result.rows} row(s) before it verified.`);
    return 1;
  } finally {
    await db.$disconnect().catch(() => undefined);
    await server?.stop();
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.length === 0) return verifyDatabase();
  if (args[0] === '--bundle' && args.length === 2) return verifyBundleFile(args[1]!);
  console.error('usage: npm run audit:verify [-- --bundle FILE]');
  return 2;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
