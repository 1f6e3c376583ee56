// Test-only: submits an application as a demo exporter straight through the data layer
// (submitAndScreen) against the e2e database, and prints {"id","reference","outcome"} as JSON.
//   npx tsx --conditions=react-server e2e/support/seed-case.ts '{"exporter":"exporter@demo.test","eccn":"3A981","country":"BR"}'
import { embeddedDatabaseUrl } from '@/lib/embedded-postgres-config';
import type { TSeedOptions } from './seed';

function e2eDatabaseUrl(): string {
  const u = new URL(process.env.TEST_DATABASE_URL ?? embeddedDatabaseUrl());
  u.pathname = `/${process.env.E2E_DATABASE ?? 'clearance_e2e'}`;
  return u.toString();
}

async function main() {
  process.env.DATABASE_URL = e2eDatabaseUrl(); // before lib/db is imported
  const options = JSON.parse(process.argv[2] ?? '{}') as TSeedOptions;
  const { db } = await import('@/lib/db');
  const { submitAndScreen } = await import('@/lib/data/applications');
  const { ZApplicationInput } = await import('@/lib/validation/application');
  const user = await db.user.findUniqueOrThrow({ where: { email: options.exporter ?? 'exporter@demo.test' } });
  const country = options.country ?? 'BR';
  const input = ZApplicationInput.parse({
    product: {
      name: options.productName ?? 'Thermal camera TC-9',
      description: 'Handheld thermal imaging camera',
      eccn: options.eccn === undefined ? '3A981' : options.eccn,
      kind: 'HARDWARE',
      quantity: 2,
      unitValueUsd: 4800,
      biometric: null,
    },
    destination: { country, region: null },
    endUser: { name: options.endUserName ?? 'Construtora Horizonte Ltda', country, address: 'Av. Paulista 1000, São Paulo', type: 'COMMERCIAL' },
    consignees: options.consignee ? [{ name: options.consignee, country: options.consigneeCountry ?? 'CN', role: 'INTERMEDIATE' }] : [],
    endUse: { category: 'OTHER', description: 'Building inspection' },
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
