// npm run bench:batch — batch party screening of 100,000 generated parties (BENCH_PARTIES) in a scratch
// database (BENCH_DATABASE, default clearance_bench_batch), through the real path: the CSV streams
// into createBatchScreen, then the BATCH_SCREEN job runs to the end; the result CSV is streamed out.
// The parties: every 10th a real list name or alias (some with trader abbreviations or reordered),
// the rest ordinary company names made of common words. A benchmark, not a test: it prints figures.
import { prepareDatabase } from '../test/database';

const PARTIES = Number(process.env.BENCH_PARTIES ?? 100_000);
const WORDS = [
  'Nordic',
  'Alpine',
  'Pacific',
  'Global',
  'Atlas',
  'Delta',
  'Summit',
  'Harbor',
  'Cedar',
  'Falcon',
  'Orion',
  'Vega',
  'Linden',
  'Marble',
  'Willow',
  'Granite',
  'Meridian',
  'Beacon',
  'Crest',
  'Sterling',
];
const TRADES = ['Logistics', 'Trading', 'Foods', 'Textiles', 'Machinery', 'Electronics', 'Packaging', 'Pharma', 'Optics', 'Tools'];
const FORMS = ['GmbH', 'Ltd', 'S.A.', 'LLC', 'B.V.', 'Oy', 'AG', 'Inc.', 'S.r.l.', 'Pty Ltd'];
const COUNTRIES = ['DE', 'FR', 'GB', 'US', 'JP', 'BR', 'IN', 'AE', 'TR', 'CN', 'RU', ''];

async function main() {
  const database = await prepareDatabase(process.env.BENCH_DATABASE ?? 'clearance_bench_batch', { demoUsers: false, quiet: true });
  process.env.DATABASE_URL = database.url; // before lib/db is imported
  const { db } = await import('@/lib/db');
  const { createBatchScreen, batchResultCsv, getBatch } = await import('@/lib/data/batch-screening');
  const { runOneJob } = await import('@/lib/jobs/runner');
  const { getActiveRuleSet } = await import('@/lib/data/rulesets');
  const { Readable } = await import('node:stream');

  const { ruleSet } = await getActiveRuleSet();
  const listNames = ruleSet.lists.flatMap((l) => l.entries.flatMap((e) => [e.name, ...e.aliases.slice(0, 1)]));
  console.log(`lists: ${ruleSet.lists.map((l) => `${l.code} ${l.entries.length}`).join(', ')} (${listNames.length.toLocaleString()} names)`);
  const lines = ['id,name,country'];
  for (let i = 0; i < PARTIES; i++) {
    let name: string;
    if (i % 10 === 0) {
      name = listNames[(i * 7919) % listNames.length]!;
      if (i % 30 === 0)
        name = name
          .replace(/\bCOMPANY\b/i, 'Co')
          .replace(/\bINTERNATIONAL\b/i, 'Intl')
          .replace(/\bCORPORATION\b/i, 'Corp');
      if (i % 50 === 0) name = name.split(/\s+/).reverse().join(' ');
    } else {
      name = `${WORDS[i % 20]} ${WORDS[Math.floor(i / 20) % 20]} ${TRADES[Math.floor(i / 400) % 10]} ${FORMS[Math.floor(i / 7) % 10]}`;
    }
    lines.push([`P${i}`, `"${name.replace(/"/g, '""')}"`, COUNTRIES[i % COUNTRIES.length]].join(','));
  }
  const csv = lines.join('\n');
  const officer = await db.user.create({
    data: { email: `bench-officer-${Date.now()}@bench.test`, name: 'Bench officer', role: 'OFFICER', passwordHash: 'x' },
  });
  const actor = { id: officer.id, email: officer.email, name: officer.name, role: officer.role, organizationId: null };

  let t = performance.now();
  const { jobId, rows, invalid } = await createBatchScreen(actor, Readable.from([Buffer.from(csv)]), { fileName: 'bench.csv' });
  const uploadMs = performance.now() - t;
  console.log(
    `upload: ${rows.toLocaleString()} rows (${invalid} invalid, ${(csv.length / 1024 / 1024).toFixed(1)} MB) parsed and stored in ${(uploadMs / 1000).toFixed(1)} s`,
  );

  t = performance.now();
  while (await runOneJob('bench')) {
    /* run the job (and anything else queued) to the end */
  }
  const screenMs = performance.now() - t;
  const batch = (await getBatch(actor, jobId))!;
  console.log(
    `screening: ${batch.status}, ${batch.done.toLocaleString()} rows in ${(screenMs / 1000).toFixed(1)} s = ${Math.round(batch.done / (screenMs / 1000)).toLocaleString()} parties/s`,
  );
  console.log(`outcomes: ${JSON.stringify(batch.result)}`);

  t = performance.now();
  const bytes = (await new Response(await batchResultCsv(actor, jobId)).arrayBuffer()).byteLength;
  console.log(`result CSV: ${(bytes / 1024 / 1024).toFixed(1)} MB streamed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  console.log(`total: ${((uploadMs + screenMs) / 1000).toFixed(1)} s for ${PARTIES.toLocaleString()} parties`);
  await db.$disconnect();
  await database.stop?.();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
