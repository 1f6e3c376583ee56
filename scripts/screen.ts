// npm run --silent screen -- <file.json | ->
// Screens one application (PRODUCT.md §2 shape, plus "exporter": {"country": "DE"}, default US) against the ACTIVE rule set in the database and
// prints the result (PRODUCT.md §3 shape) on stdout. Invalid input: exit 2, every field error on stderr.
import fs from 'node:fs';
import { db } from '@/lib/db';
import { screenInput } from '@/lib/data/screening';
import { ZApplicationInput, ZExporterInput, fieldErrors } from '@/lib/validation/application';

async function readInput(arg: string | undefined): Promise<string> {
  if (!arg) throw new UsageError('usage: npm run --silent screen -- <application.json | ->');
  if (arg === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  if (!fs.existsSync(arg)) throw new UsageError(`No such file: ${arg}`);
  return fs.readFileSync(arg, 'utf8');
}

class UsageError extends Error {}

async function main(): Promise<number> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readInput(process.argv[2]));
  } catch (err) {
    console.error(err instanceof UsageError ? err.message : `The input is not valid JSON: ${(err as Error).message}`);
    return 2;
  }
  const parsed = ZApplicationInput.safeParse(raw);
  // "exporter": {"country": "DE"} decides the regimes (EU member state → EU 2021/821); default US
  const exporter = ZExporterInput.safeParse(raw && typeof raw === 'object' ? (raw as { exporter?: unknown }).exporter : undefined);
  if (!parsed.success || !exporter.success) {
    const errors = {
      ...(parsed.success ? {} : fieldErrors(parsed.error)),
      ...(exporter.success
        ? {}
        : Object.fromEntries(Object.entries(fieldErrors(exporter.error)).map(([k, v]) => [`exporter${k === '_form' ? '' : `.${k}`}`, v]))),
    };
    for (const [field, messages] of Object.entries(errors)) {
      for (const message of messages) console.error(`${field}: ${message}`);
    }
    return 2;
  }
  const { result } = await screenInput(parsed.data, { exporter: exporter.data });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

main()
  .then(async (code) => {
    await db.$disconnect();
    process.exit(code);
  })
  .catch(async (err) => {
    console.error(err instanceof Error ? err.message : err);
    await db.$disconnect();
    process.exit(1);
  });
