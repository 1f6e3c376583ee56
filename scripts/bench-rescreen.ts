// Benchmark (not a test): 10,000 generated open cases in a scratch database, then the impact preview
// of a draft with another SDN snapshot and the re-screen after publishing it, both through the job
// queue as the app runs them, with progress printed. Prints the figures at the end.
//   npx tsx scripts/bench-rescreen.ts            (BENCH_CASES=10000, BENCH_DATABASE=clearance_bench)
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prepareDatabase } from '../test/database';

const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const SDN_04_02 = 'data/reference/parties/ofac-sdn-2024-04-02.csv';

// Deterministic pseudo-random choices (the same cases every run).
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

async function main() {
  const database = await prepareDatabase(process.env.BENCH_DATABASE ?? 'clearance_bench', { demoUsers: false, quiet: true });
  process.env.DATABASE_URL = database.url; // before lib/db is imported
  const { db } = await import('@/lib/db');
  const { getActiveRuleSet, loadClearedMatches } = await import('@/lib/data/rulesets');
  const { toScreeningApplication, severityOf } = await import('@/lib/data/screening');
  const { screen } = await import('@/lib/screening');
  const { ZApplicationInput } = await import('@/lib/validation/application');
  const { createDraft, startImpactPreview, publishDraft } = await import('@/lib/data/admin-rulesets');
  const { startListImport, receiveListUpload, applyListUpload } = await import('@/lib/data/party-lists');
  const { runOneJob } = await import('@/lib/jobs/runner');
  const { OPEN_STATUSES } = await import('@/lib/jobs/rescreen');
  type TImpactResult = import('@/lib/jobs/rescreen').TImpactResult;
  type TRescreenResult = import('@/lib/jobs/rescreen').TRescreenResult;

  const org = await db.organization.create({ data: { name: 'Bench Exporter' } });
  const exporter = await db.user.create({
    data: { email: 'bench-exporter@bench.test', name: 'Bench Exporter', role: 'EXPORTER', organizationId: org.id, passwordHash: 'x' },
  });
  const adminRow = await db.user.create({ data: { email: 'bench-admin@bench.test', name: 'Bench Admin', role: 'ADMIN', passwordHash: 'x' } });
  const admin = { id: adminRow.id, email: adminRow.email, name: adminRow.name, role: adminRow.role, organizationId: null };

  // ---- generate the cases, screened under the active version (SDN 2024-05-03) ----
  const active = await getActiveRuleSet();
  const cleared = await loadClearedMatches();
  // Some consignees only on the 2024-05-03 SDN (they disappear under 2024-04-02), the rest ordinary.
  const listed = [
    'WUHAN GLOBAL SENSOR TECHNOLOGY CO., LTD.',
    'ARTMARINE LLC',
    'OOO STANDARD LINE',
    'SHENZHEN 5G HIGH-TECH INNOVATION CO., LIMITED',
    'IMPORTEKS',
  ];
  const companies = [
    'Nordlicht Systems GmbH',
    'Acme Security Ltd',
    'Sao Paulo Integradora Ltda',
    'Pacific Vision Pte Ltd',
    'Atlas Trading FZE',
    'Kyoto Optics KK',
    'Maple Door Controls Inc',
    'Helios Imaging SA',
  ];
  const countries = ['DE', 'FR', 'BR', 'IN', 'AE', 'SG', 'JP', 'CN', 'MX', 'TR', 'VN', 'GB', 'US', 'ZA'];
  const eccns = ['EAR99', '3A981', '5A002', '4A994', '6A003', null];
  const types = ['COMMERCIAL', 'GOVERNMENT', 'LAW_ENFORCEMENT', 'ACADEMIC'] as const;
  const uses = ['ACCESS_CONTROL', 'RETAIL_ANALYTICS', 'PUBLIC_SPACE_SURVEILLANCE', 'RESEARCH', 'OTHER'] as const;
  let t = Date.now();
  const BATCH = 1000;
  for (let start = 0; start < CASES; start += BATCH) {
    const apps: Prisma.ApplicationCreateManyInput[] = [];
    const runs: Prisma.ScreeningRunCreateManyInput[] = [];
    for (let i = start; i < Math.min(CASES, start + BATCH); i += 1) {
      const country = pick(countries);
      const biometric =
        rand() < 0.3
          ? {
              modality: 'FACE',
              matchingMode: pick(['ONE_TO_ONE', 'ONE_TO_MANY']),
              maxGallerySize: 10000,
              liveVideo: rand() < 0.5,
              remoteGalleryAccess: rand() < 0.2,
              trainingDataConsent: pick(['CONSENTED', 'UNKNOWN']),
            }
          : null;
      const input = ZApplicationInput.parse({
        product: {
          name: `Bench product ${i}`,
          description: 'Generated for the re-screen benchmark',
          eccn: pick(eccns),
          kind: 'HARDWARE',
          quantity: 1 + (i % 20),
          unitValueUsd: 500 + (i % 1000),
          biometric,
        },
        destination: { country, region: null },
        endUser: { name: `${pick(companies)} ${i % 97}`, country, address: 'Somewhere 1', type: pick(types) },
        consignees:
          rand() < 0.05
            ? [{ name: pick(listed), country: 'CN', role: 'INTERMEDIATE' }]
            : [{ name: pick(companies), country: pick(countries), role: 'INTERMEDIATE' }],
        endUse: { category: pick(uses), description: 'Generated' },
        redFlags: [],
      });
      const result = screen(toScreeningApplication(input), active.ruleSet, { clearedMatches: cleared });
      const id = `bench${String(i).padStart(7, '0')}`;
      apps.push({
        id,
        reference: `BENCH-${String(i).padStart(6, '0')}`,
        organizationId: org.id,
        createdById: exporter.id,
        submittedById: exporter.id,
        status: pick(OPEN_STATUSES),
        outcome: result.outcome,
        severity: severityOf(result.outcome),
        productName: input.lineItems[0]!.name,
        eccn: input.lineItems[0]!.eccn,
        destinationCountry: country,
        endUserName: input.endUser.name,
        endUserType: input.endUser.type,
        endUseCategory: input.endUse.category,
        data: input as object,
        submittedAt: new Date(),
      });
      runs.push({
        applicationId: id,
        ruleSetVersionId: active.id,
        trigger: 'SUBMIT',
        outcome: result.outcome,
        findings: result.findings as object[],
        input: input as object,
      });
    }
    await db.application.createMany({ data: apps });
    await db.screeningRun.createMany({ data: runs });
  }
  console.log(`generated ${CASES.toLocaleString('en-US')} open cases (screened and stored) in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  // ---- a draft with the 2024-04-02 SDN ----
  const { id: draftId } = await createDraft(admin);
  t = Date.now();
  const { jobId: importId } = await startListImport(admin, draftId, { format: 'AUTO', fileName: 'ofac-sdn-2024-04-02.csv', size: 0, asOf: undefined });
  const imported = await receiveListUpload(admin, importId, Readable.toWeb(createReadStream(SDN_04_02)) as unknown as ReadableStream<Uint8Array>);
  await applyListUpload(admin, draftId, importId);
  const uploadSeconds = (Date.now() - t) / 1000;
  console.log(`uploaded, stored and diffed the SDN snapshot in ${uploadSeconds.toFixed(1)} s: ${JSON.stringify(imported.lists?.[0]?.counts)}`);

  async function runWithProgress(label: string, jobId: string) {
    const started = Date.now();
    const timer = setInterval(async () => {
      const j = await db.job.findUnique({ where: { id: jobId }, select: { done: true, total: true } });
      if (j)
        process.stdout.write(
          `  ${label}: ${j.done.toLocaleString('en-US')} / ${j.total.toLocaleString('en-US')} (${j.total ? Math.round((100 * j.done) / j.total) : 0}%)\n`,
        );
    }, 1000);
    try {
      while (await runOneJob('bench')) {
        /* the queued job (and nothing else) */
      }
    } finally {
      clearInterval(timer);
    }
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    if (job.status !== 'SUCCEEDED') throw new Error(`${label} ${job.status}: ${job.error}`);
    return { seconds: (Date.now() - started) / 1000, job };
  }

  const preview = await runWithProgress('impact preview', (await startImpactPreview(admin, draftId)).jobId);
  const impact = preview.job.result as TImpactResult;
  const published = await publishDraft(admin, draftId, 'Benchmark: SDN 2024-04-02');
  const rescreen = await runWithProgress('re-screen', published.jobId);
  const rescreened = rescreen.job.result as TRescreenResult;

  const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en-US')} cases/s`;
  console.log('\nResults');
  console.log(`  cases:            ${CASES.toLocaleString('en-US')} open`);
  console.log(`  impact preview:   ${preview.seconds.toFixed(1)} s (${rate(impact.screened, preview.seconds)}), ${impact.changes.length} would change outcome`);
  console.log(
    `  re-screen:        ${rescreen.seconds.toFixed(1)} s (${rate(rescreened.screened, rescreen.seconds)}), ${rescreened.changed} changed outcome, ${rescreened.screened} runs written`,
  );
  console.log(`  batch size:       ${process.env.RESCREEN_BATCH_SIZE ?? 500}`);
  await db.$disconnect();
  await database.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
