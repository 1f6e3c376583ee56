// BATCH_SCREEN jobs: screens the rows of an uploaded party file (lib/data/batch-screening.ts) in line
// order, BATCH_ROWS at a time, against the rule-set version the job was created with. Each batch's
// results, the cursor (last line done), the progress and the running totals commit in one
// transaction, so a job taken over after a crash resumes after the last committed line and never
// screens a row twice or skips one.
import { db } from '@/lib/db';
import type { Outcome } from '@/lib/generated/prisma/enums';
import { getBuiltRuleSet } from '@/lib/data/rulesets';
import type { TBatchResult } from '@/lib/data/batch-screening';
import { screenParty } from '@/lib/screening/party-screen';
import { saveProgress, type TClaimedJob } from './queue';
import { JobLostError, type TJobContext } from './rescreen';

export const BATCH_ROWS = Number(process.env.BATCH_SCREEN_ROWS ?? 1_000);

const emptyResult = (): TBatchResult => ({ screened: 0, invalid: 0, byOutcome: { CLEAR: 0, REVIEW: 0, LICENSE_REQUIRED: 0, PROHIBITED: 0 } });
const yieldToServer = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runBatchScreen(job: TClaimedJob, ctx: TJobContext): Promise<TBatchResult> {
  if (!job.ruleSetVersionId) throw new Error('Batch screening without a rule-set version');
  const ruleSet = await getBuiltRuleSet(job.ruleSetVersionId);
  const rowsPerBatch = Number.isInteger(job.params.batchRows) && (job.params.batchRows as number) > 0 ? (job.params.batchRows as number) : BATCH_ROWS;
  const result: TBatchResult = (job.cursor ? (job.result as TBatchResult | null) : null) ?? emptyResult();
  let cursor = job.cursor ? Number(job.cursor) : 0;
  const total = await db.batchScreenRow.count({ where: { jobId: job.id } });
  if (!(await saveProgress(db, job, { total, done: result.screened + result.invalid, result }))) throw new JobLostError();
  for (;;) {
    if (ctx.signal.aborted) return result; // stopping: the cursor is saved, the next claim resumes
    const rows = await db.batchScreenRow.findMany({
      where: { jobId: job.id, line: { gt: cursor } },
      orderBy: { line: 'asc' },
      take: rowsPerBatch,
      select: { line: true, name: true, country: true, error: true },
    });
    if (rows.length === 0) break;
    const lines: number[] = [];
    const outcomes: Outcome[] = [];
    const hits: string[] = [];
    const next: TBatchResult = structuredClone(result);
    for (const row of rows) {
      if (row.error) {
        next.invalid += 1;
        continue;
      }
      const screened = screenParty({ name: row.name, country: row.country }, ruleSet);
      lines.push(row.line);
      outcomes.push(screened.outcome);
      hits.push(JSON.stringify({ hits: screened.hits, hidden: screened.hidden, note: screened.note }));
      next.screened += 1;
      next.byOutcome[screened.outcome] += 1;
    }
    const last = rows.at(-1)!.line;
    await db.$transaction(
      async (tx) => {
        if (lines.length) {
          await tx.$executeRaw`
            UPDATE "BatchScreenRow" r SET outcome = v.outcome::"Outcome", hits = v.hits::jsonb, screened = true
            FROM unnest(${lines}::int[], ${outcomes}::text[], ${hits}::text[]) AS v(line, outcome, hits)
            WHERE r."jobId" = ${job.id} AND r.line = v.line`;
        }
        if (!(await saveProgress(tx, job, { done: next.screened + next.invalid, total, cursor: String(last), result: next }))) {
          throw new JobLostError(); // rolls this batch back: the new owner screens it
        }
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    Object.assign(result, next);
    cursor = last;
    await yieldToServer();
  }
  return result;
}
