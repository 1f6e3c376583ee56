// Test-only: submits an EAR99 application to Germany with one named consignee as a demo exporter,
// straight through the data layer (submitAndScreen) against the e2e database, and prints
// {"id","reference","outcome"} as JSON. Used to stage a case before a list update.
//   npx tsx e2e/support/submit-case-with-consignee.ts '{"consignee":"WUHAN GLOBAL SENSOR TECHNOLOGY CO., LTD."}'
import { embeddedDatabaseUrl } from '@/lib/embedded-postgres-config';

function e2eDatabaseUrl(): string {
  const u = new URL(process.env.TEST_DATABASE_URL ?? embeddedDatabaseUrl());
  u.pathname = `/${process.env.E2E_DATABASE ?? 'clearance_e2e'}`;
  return u.toString();
}

async function main() {
  process.env.DATABASE_URL = e2eDatabaseUrl(); // before lib/db is imported
  const options = JSON.parse(process.argv[2] ?? '{}') as { consignee: string; exporter?: string };
  const { db } = await import('@/lib/db');
  const { submitAndScreen } = await import('@/lib/data/applications');
  const { ZApplicationInput } = await import('@/lib/validation/application');
  const user = await db.user.findUniqueOrThrow({ where: { email: options.exporter ?? 'exporter@demo.test' } });
  const input = ZApplicationInput.parse({
    product: { name: 'Access-control reader AR-2', description: 'Door badge reader', eccn: 'EAR99', kind: 'HARDWARE', quantity: 10, unitValueUsd: 350, biometric: null },
    destination: { country: 'DE', region: null },
    endUser: { name: 'Muster Gebäudetechnik GmbH', country: 'DE', address: 'Hauptstr. 1, Berlin', type: 'COMMERCIAL' },
    consignees: [{ name: options.consignee, country: 'CN', role: 'INTERMEDIATE' }],
    endUse: { category: 'ACCESS_CONTROL', description: 'Office entrance' },
    redFlags: [],
  });
  const actor = { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId };
  const result = await submitAndScreen({ actor, input });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
