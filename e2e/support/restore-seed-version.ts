// Test-only: puts the seed's rule-set version back in force in the e2e database, so a spec that
// publishes other versions (e.g. a 2024 SDN list, stale against 2026) does not decide the
// screenings of the specs after it. Archives whatever is active; the seed version becomes ACTIVE.
//   npx tsx --conditions=react-server e2e/support/restore-seed-version.ts
import { embeddedDatabaseUrl } from '@/lib/embedded-postgres-config';

function e2eDatabaseUrl(): string {
  const u = new URL(process.env.TEST_DATABASE_URL ?? embeddedDatabaseUrl());
  u.pathname = `/${process.env.E2E_DATABASE ?? 'clearance_e2e'}`;
  return u.toString();
}

async function main() {
  process.env.DATABASE_URL = e2eDatabaseUrl(); // before lib/db is imported
  const { db } = await import('@/lib/db');
  // The seed's version is the first one the database ever stored.
  const seed = await db.ruleSetVersion.findFirstOrThrow({ orderBy: { createdAt: 'asc' }, select: { id: true } });
  await db.$transaction([
    db.ruleSetVersion.updateMany({ where: { status: 'ACTIVE' }, data: { status: 'ARCHIVED' } }),
    db.ruleSetVersion.update({ where: { id: seed.id }, data: { status: 'ACTIVE' } }),
  ]);
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
