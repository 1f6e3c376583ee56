// Child process for the crash test: writes rows through the app's Prisma client one at a time and
// prints each id only after its transaction committed (what the app would acknowledge to a user).
import { createDb } from '@/lib/db';

const db = createDb(process.env.DATABASE_URL!, 4);
const run = process.argv[2]!;

async function main() {
  for (let i = 0; ; i += 1) {
    const org = await db.organization.create({ data: { name: `durability-${run}-${i}` }, select: { name: true } });
    process.stdout.write(`${org.name}\n`);
  }
}
main().catch(() => process.exit(1));
