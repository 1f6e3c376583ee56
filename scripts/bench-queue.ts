// npm run bench:queue — the review queue with 100,000 cases: generates them in a scratch database
// (BENCH_DATABASE, default clearance_bench_queue) and times the queue's pages, filters and counts.
// A benchmark, not a test: it prints figures.
import { randomUUID } from 'node:crypto';
import { prepareDatabase } from '../test/database';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);

async function main() {
  const database = await prepareDatabase(process.env.BENCH_DATABASE ?? 'clearance_bench_queue', { demoUsers: false, quiet: true });
  process.env.DATABASE_URL = database.url; // before lib/db is imported
  const { db } = await import('@/lib/db');
  const { findCasesForQueue, countCasesByStatus, countCasesForQueue } = await import('@/lib/data/cases');
  const { ZQueueFilter } = await import('@/lib/validation/decision');

  const started = Date.now();
  const orgs = await Promise.all(
    Array.from({ length: 20 }, (_, i) => db.organization.create({ data: { name: `Bench org ${i} ${randomUUID().slice(0, 6)}` } })),
  );
  const exporter = await db.user.create({
    data: { email: `bench-${randomUUID()}@bench.test`, name: 'Bench exporter', role: 'EXPORTER', passwordHash: 'x', organizationId: orgs[0]!.id },
  });
  const officer = await db.user.create({
    data: { email: `bench-officer-${randomUUID()}@bench.test`, name: 'Bench officer', role: 'OFFICER', passwordHash: 'x' },
  });
  // Set-based insert: spread over statuses, outcomes, destinations, organisations and a year of submissions.
  await db.$executeRawUnsafe(`
    INSERT INTO "Application" (id, reference, "organizationId", "createdById", "submittedById", status, outcome, severity, "productName", eccn,
      "destinationCountry", "endUserName", data, version, "createdAt", "updatedAt", "submittedAt", "assignedToId")
    SELECT 'bench' || g, 'BENCH-' || lpad(g::text, 7, '0'), (ARRAY[${orgs.map((o) => `'${o.id}'`).join(',')}])[1 + g % 20], '${exporter.id}', '${exporter.id}',
      (ARRAY['SUBMITTED','IN_REVIEW','ESCALATED','INFO_REQUESTED','AWAITING_COUNTERSIGNATURE','APPROVED','DENIED','APPROVED'])[1 + g % 8]::"ApplicationStatus",
      (ARRAY['CLEAR','REVIEW','LICENSE_REQUIRED','PROHIBITED','CLEAR'])[1 + g % 5]::"Outcome",
      (ARRAY[0,1,2,3,0])[1 + g % 5], 'Bench product ' || g, '3A981',
      (ARRAY['DE','BR','CN','JP','AE','IN','MX','TR','RU','US'])[1 + g % 10], 'End user ' || g, '{}'::jsonb, 1,
      now() - (g % 365) * interval '1 day', now(), now() - (g % 365) * interval '1 day' - (g % 1440) * interval '1 minute',
      CASE WHEN g % 10 = 0 THEN '${officer.id}' END
    FROM generate_series(1, ${CASES}) g`);
  await db.$executeRawUnsafe('ANALYZE "Application"');
  console.log(`generated ${CASES.toLocaleString()} cases in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  const actor = { id: officer.id, email: officer.email, name: officer.name, role: officer.role, organizationId: null };
  const time = async (label: string, fn: () => Promise<unknown>, runs = 15) => {
    await fn(); // warm
    const ms: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t = performance.now();
      await fn();
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    const p95 = ms[Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)]!;
    console.log(
      `${label.padEnd(52)} p50 ${ms[Math.floor(runs / 2)]!.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   max ${ms.at(-1)!.toFixed(1).padStart(6)} ms`,
    );
  };
  const page = (raw: Record<string, string>) => () => findCasesForQueue(actor, ZQueueFilter.parse(raw), { pageSize: 50 });
  await time('first page, all open, worst first', page({}));
  await time('first page, all open, oldest first', page({ sort: 'age' }));
  await time('status In review, destination CN', page({ status: 'IN_REVIEW', destination: 'CN' }));
  await time('outcome Prohibited, one organisation', page({ outcome: 'PROHIBITED', organization: orgs[3]!.id }));
  await time('assigned to me', page({ mine: '1' }));
  await time('waiting more than 300 days', page({ age: '300' }));
  const first = await findCasesForQueue(actor, ZQueueFilter.parse({}), { pageSize: 50 });
  let cursor = first.nextCursor ?? undefined;
  for (let i = 0; i < 20 && cursor; i += 1) cursor = (await findCasesForQueue(actor, ZQueueFilter.parse({ cursor }), { pageSize: 50 })).nextCursor ?? undefined;
  await time('21st page by cursor, worst first', page({ cursor: cursor ?? '' }));
  await time('counts per status', () => countCasesByStatus(actor));
  // The Search box (trigram index on the trigger-kept search text), with the page's total count.
  const search = (q: string) => async () => {
    const filter = ZQueueFilter.parse({ q });
    await Promise.all([findCasesForQueue(actor, filter, { pageSize: 25 }), countCasesForQueue(actor, filter)]);
  };
  await time('search: a reference (BENCH-0042424) + total', search('BENCH-0042424'), 40);
  await time('search: product words ("product 77123") + total', search('product 77123'), 40);
  await time('search: end-user name ("end user 4242") + total', search('end user 4242'), 40);
  await time('search: organisation ("bench org 7") + total', search('bench org 7'), 40);
  await time('search: nothing matches + total', search('zzqx-no-such-case'), 40);
  await db.$disconnect();
  await database.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
