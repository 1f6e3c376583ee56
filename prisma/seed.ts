// Idempotent seed: the reference rule set (if no version is active yet) and, on the embedded
// database or with SEED_DEMO_USERS=1, the demo organisations and users. Running it twice changes nothing.
import { db } from '@/lib/db';
import { appendAudit } from '@/lib/data/audit';
import { createRuleSetVersion, nextRuleSetLabel } from '@/lib/data/rulesets';
import { hashPassword } from '@/lib/password';
import { loadSeedRuleSetData } from '@/lib/reference/load-seed';

export const DEMO_ORGANIZATIONS = ['Demo Exporter Inc.', 'Second Exporter Ltd.'] as const;
export const DEMO_USERS = [
  { email: 'exporter@demo.test', name: 'Erin Exporter', role: 'EXPORTER', organization: 'Demo Exporter Inc.' },
  { email: 'exporter2@demo.test', name: 'Sam Second', role: 'EXPORTER', organization: 'Second Exporter Ltd.' },
  { email: 'officer@demo.test', name: 'Olivia Officer', role: 'OFFICER', organization: null },
  { email: 'officer2@demo.test', name: 'Omar Officer', role: 'OFFICER', organization: null },
  { email: 'admin@demo.test', name: 'Ada Admin', role: 'ADMIN', organization: null },
] as const;

export async function seedReferenceData(log = console.log): Promise<void> {
  const active = await db.ruleSetVersion.findFirst({ where: { status: 'ACTIVE' }, select: { label: true } });
  if (active) {
    log(`  rule set ${active.label} is active; reference data left as it is`);
    return;
  }
  const started = Date.now();
  const data = loadSeedRuleSetData();
  await db.$transaction(
    async (tx) => {
      const label = await nextRuleSetLabel(tx);
      const version = await createRuleSetVersion(tx, {
        data: { ...data, version: label },
        status: 'ACTIVE',
        note: 'Initial rule set from the bundled reference data (data/reference/SOURCES.md).',
      });
      await appendAudit(tx, {
        actor: null,
        action: 'RULESET_SEEDED',
        entityType: 'RuleSetVersion',
        entityId: version.id,
        data: { label, datasets: data.datasets, lists: data.lists.map((l) => ({ code: l.code, entries: l.entries.length })) },
      });
      log(`  rule set ${label} created and active (${data.lists.map((l) => `${l.code} ${l.entries.length}`).join(', ')})`);
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  log(`  reference data stored in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function seedDemoUsers(password: string, log = console.log): Promise<void> {
  const orgIds = new Map<string, string>();
  for (const name of DEMO_ORGANIZATIONS) {
    const org = await db.organization.upsert({ where: { name }, update: {}, create: { name }, select: { id: true } });
    orgIds.set(name, org.id);
  }
  let created = 0;
  for (const u of DEMO_USERS) {
    const exists = await db.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (exists) continue;
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: u.email,
          name: u.name,
          role: u.role,
          passwordHash: await hashPassword(password),
          organizationId: u.organization ? orgIds.get(u.organization)! : null,
        },
        select: { id: true },
      });
      await appendAudit(tx, { actor: null, action: 'USER_CREATED', entityType: 'User', entityId: user.id, data: { email: u.email, role: u.role, seeded: true } });
    });
    created += 1;
  }
  log(created ? `  ${created} demo user(s) created` : '  demo users present');
}

async function main() {
  await seedReferenceData();
  // Demo users only on the embedded database (with-db.ts / setup.ts mark it), unless asked explicitly.
  const embedded = !process.env.DATABASE_URL || process.env.CLEARANCE_EMBEDDED === '1';
  const demo = process.env.SEED_DEMO_USERS ? process.env.SEED_DEMO_USERS === '1' : embedded;
  if (demo) await seedDemoUsers(process.env.DEMO_PASSWORD ?? 'clearance-demo');
  else console.log('  production database: no demo users (set SEED_DEMO_USERS=1 to add them)');
}

if (process.argv[1]?.endsWith('seed.ts')) {
  main()
    .then(() => db.$disconnect())
    .catch(async (err) => {
      console.error(err);
      await db.$disconnect();
      process.exit(1);
    });
}
