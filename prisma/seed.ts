// Idempotent seed: the reference rule set (if no version is active yet) and, on the embedded
// database or with SEED_DEMO_USERS=1, the demo organisations and users. Running it twice changes nothing.
import { db } from '@/lib/db';
import { appendAudit } from '@/lib/data/audit';
import { createRuleSetVersion, nextRuleSetLabel } from '@/lib/data/rulesets';
import { hashPassword } from '@/lib/password';
import { loadSeedRuleSetData } from '@/lib/reference/load-seed';

export const DEMO_ORGANIZATIONS = ['Demo Exporter Inc.', 'Second Exporter Ltd.', 'Rheinwerk Optik GmbH'] as const;
/** Countries of establishment other than the default US: a German exporter for the EU regime (issue 16). */
const DEMO_ORGANIZATION_COUNTRY: Partial<Record<(typeof DEMO_ORGANIZATIONS)[number], string>> = { 'Rheinwerk Optik GmbH': 'DE' };
export const DEMO_USERS = [
  { email: 'exporter@demo.test', name: 'Erin Exporter', role: 'EXPORTER', organization: 'Demo Exporter Inc.' },
  { email: 'exporter2@demo.test', name: 'Sam Second', role: 'EXPORTER', organization: 'Second Exporter Ltd.' },
  { email: 'exporter-de@demo.test', name: 'Greta Gruber', role: 'EXPORTER', organization: 'Rheinwerk Optik GmbH' },
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
    const country = DEMO_ORGANIZATION_COUNTRY[name];
    const org = await db.organization.upsert({ where: { name }, update: {}, create: { name, ...(country ? { country } : {}) }, select: { id: true } });
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
      await appendAudit(tx, {
        actor: null,
        action: 'USER_CREATED',
        entityType: 'User',
        entityId: user.id,
        data: { email: u.email, role: u.role, seeded: true },
      });
    });
    created += 1;
  }
  log(created ? `  ${created} demo user(s) created` : '  demo users present');
}

type TDemoCase = { exporter: string; input: Record<string, unknown> };
const party = (name: string, country: string, type: string, address: string) => ({ name, country, type, address });
const DEMO_CASES: TDemoCase[] = [
  {
    exporter: 'exporter@demo.test',
    input: {
      product: {
        name: 'FaceFind Enterprise 5',
        description: 'One-to-many face identification server searching a gallery of millions of enrolled faces in live CCTV streams.',
        eccn: '3A981',
        kind: 'HARDWARE',
        quantity: 4,
        unitValueUsd: 120000,
        biometric: {
          modality: 'FACE',
          matchingMode: 'ONE_TO_MANY',
          maxGallerySize: 10000000,
          liveVideo: true,
          remoteGalleryAccess: true,
          trainingDataConsent: 'UNKNOWN',
        },
      },
      destination: { country: 'CN', region: null },
      endUser: party('Municipal Public Security Bureau', 'CN', 'LAW_ENFORCEMENT', 'Urumqi, Xinjiang'),
      consignees: [],
      endUse: { category: 'PUBLIC_SPACE_SURVEILLANCE', description: 'City-wide camera network' },
      redFlags: [],
    },
  },
  {
    exporter: 'exporter@demo.test',
    input: {
      product: {
        name: 'Thermal camera TC-9',
        description: 'Handheld thermal imaging camera for building inspection.',
        eccn: '3A981',
        kind: 'HARDWARE',
        quantity: 20,
        unitValueUsd: 4800,
        biometric: null,
      },
      destination: { country: 'BR', region: null },
      endUser: party('Construtora Horizonte Ltda', 'BR', 'COMMERCIAL', 'Av. Paulista 1000, São Paulo'),
      consignees: [],
      endUse: { category: 'OTHER', description: 'Building inspection' },
      redFlags: [],
    },
  },
  {
    exporter: 'exporter@demo.test',
    input: {
      product: {
        name: 'GateKeeper 1:1 module',
        description: 'Face verification module for boarding gates: compares a traveller with the photo in their passport.',
        eccn: 'EAR99',
        kind: 'HARDWARE',
        quantity: 50,
        unitValueUsd: 900,
        biometric: {
          modality: 'FACE',
          matchingMode: 'ONE_TO_ONE',
          maxGallerySize: 1,
          liveVideo: false,
          remoteGalleryAccess: false,
          trainingDataConsent: 'CONSENTED',
        },
      },
      destination: { country: 'JP', region: null },
      endUser: party('Kansai Airport Services KK', 'JP', 'COMMERCIAL', 'Izumisano, Osaka'),
      consignees: [],
      endUse: { category: 'BORDER_CONTROL', description: 'Self-service boarding gates' },
      redFlags: [],
    },
  },
  {
    exporter: 'exporter2@demo.test',
    input: {
      product: {
        name: 'Video analytics appliance',
        description: 'Rack server for video analytics.',
        eccn: 'EAR99',
        kind: 'HARDWARE',
        quantity: 2,
        unitValueUsd: 15000,
        biometric: null,
      },
      destination: { country: 'AE', region: null },
      endUser: party('Gulf Smart Retail LLC', 'AE', 'COMMERCIAL', 'Dubai'),
      consignees: [{ name: 'Hikvision', country: 'AE', role: 'INTERMEDIATE' }],
      endUse: { category: 'RETAIL_ANALYTICS', description: 'Footfall counting in malls' },
      redFlags: ['VAGUE_DELIVERY'],
    },
  },
  {
    exporter: 'exporter2@demo.test',
    input: {
      product: {
        name: 'Door controller DC-2',
        description: 'Badge reader and door controller.',
        eccn: 'EAR99',
        kind: 'HARDWARE',
        quantity: 40,
        unitValueUsd: 250,
        biometric: null,
      },
      destination: { country: 'DE', region: null },
      endUser: party('Muster Logistik GmbH', 'DE', 'COMMERCIAL', 'Hamburg'),
      consignees: [],
      endUse: { category: 'ACCESS_CONTROL', description: 'Warehouse doors' },
      redFlags: [],
    },
  },
];

/** A few submitted applications so the demo queue is not empty (only when there are none yet). */
export async function seedDemoApplications(log = console.log): Promise<void> {
  if ((await db.application.count()) > 0) return log('  applications present; demo cases left as they are');
  const { submitAndScreen } = await import('@/lib/data/applications');
  const { ZApplicationInput } = await import('@/lib/validation/application');
  for (const demo of DEMO_CASES) {
    const user = await db.user.findUniqueOrThrow({ where: { email: demo.exporter } });
    const actor = { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId };
    await submitAndScreen({ actor, input: ZApplicationInput.parse(demo.input) });
  }
  log(`  ${DEMO_CASES.length} demo applications submitted and screened`);
}

async function main() {
  await seedReferenceData();
  // Demo users only on the embedded database (with-db.ts / setup.ts mark it), unless asked explicitly.
  const embedded = !process.env.DATABASE_URL || process.env.CLEARANCE_EMBEDDED === '1';
  const demo = process.env.SEED_DEMO_USERS ? process.env.SEED_DEMO_USERS === '1' : embedded;
  if (demo) {
    await seedDemoUsers(process.env.DEMO_PASSWORD ?? 'clearance-demo');
    if (process.env.SEED_DEMO_APPLICATIONS !== '0') await seedDemoApplications();
  } else console.log('  production database: no demo users (set SEED_DEMO_USERS=1 to add them)');
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
