// npm run audit:verify — walks the hash-chained audit log from the first row and reports the first
// broken link (an edited, removed or inserted row). Exit 0 when the chain holds, 1 when it does not.
import { db } from '@/lib/db';
import { verifyAuditChain } from '@/lib/data/audit';

async function main(): Promise<number> {
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
    console.error(`  row ${row.seq}: ${row.createdAt.toISOString()} ${row.action} on ${row.entityType}${row.entityId ? ` ${row.entityId}` : ''}${row.actorEmail ? ` by ${row.actorEmail}` : ''}`);
  }
  console.error(`  ${result.rows} row(s) before it verified.`);
  return 1;
}

main()
  .then(async (code) => {
    await db.$disconnect();
    process.exit(code);
  })
  .catch(async (err) => {
    console.error(err instanceof Error ? err.message : err);
    await db.$disconnect().catch(() => undefined);
    process.exit(2);
  });
