// The job runner each server instance starts (instrumentation.ts): claims one job at a time from the
// shared queue, runs its handler, records the outcome. A heartbeat timer keeps the claim fresh while a
// handler works; stop() lets the current batch finish, then hands the job back (QUEUED, cursor kept)
// so the next instance to poll resumes it at once instead of waiting for the heartbeat to go stale.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { db } from '@/lib/db';
import type { JobType } from '@/lib/generated/prisma/enums';
import { claimJob, finishJob, saveProgress, type TClaimedJob } from './queue';
import { runBatchScreen } from './batch-screen';
import { runOrgExport } from './org-export';
import { JobLostError, runImpactPreview, runRescreen, type TJobContext } from './rescreen';

export type TJobHandler = (job: TClaimedJob, ctx: TJobContext) => Promise<unknown>;

const HANDLERS = new Map<JobType, TJobHandler>([
  ['IMPACT_PREVIEW', runImpactPreview],
  ['RESCREEN', runRescreen],
  ['ORG_EXPORT', runOrgExport],
  ['BATCH_SCREEN', runBatchScreen],
]);

/** Other features (e.g. batch screening) add their job types here. */
export function registerJobHandler(type: JobType, handler: TJobHandler) {
  HANDLERS.set(type, handler);
}

export const newWorkerId = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

const HEARTBEAT_MS = 5_000;

/**
 * Claims and runs one job. Returns false when there was nothing to do. Exported for tests and
 * scripts (the benchmark runs jobs in its own process).
 */
export async function runOneJob(workerId: string, signal: AbortSignal = new AbortController().signal): Promise<boolean> {
  const job = await claimJob(workerId, [...HANDLERS.keys()]);
  if (!job) return false;
  const handler = HANDLERS.get(job.type)!;
  const heartbeat = setInterval(() => {
    saveProgress(db, job, {}).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref?.();
  try {
    const result = await handler(job, { signal });
    if (signal.aborted) {
      // Stopped between batches: hand the job back with its cursor for the next instance.
      await db.job.updateMany({ where: { id: job.id, lockedBy: workerId, status: 'RUNNING' }, data: { status: 'QUEUED', lockedBy: null } });
    } else {
      await finishJob(db, job, { status: 'SUCCEEDED', result });
    }
  } catch (err) {
    if (!(err instanceof JobLostError)) {
      console.error(`[jobs] ${job.type} ${job.id} failed:`, err);
      await finishJob(db, job, { status: 'FAILED', error: err instanceof Error ? err.message : String(err) }).catch(() => undefined);
    }
  } finally {
    clearInterval(heartbeat);
  }
  return true;
}

export type TJobRunner = { workerId: string; stop: () => Promise<void> };

const globalForRunner = globalThis as unknown as { __clearanceJobRunner?: TJobRunner };

export function startJobRunner(options: { pollMs?: number; log?: (msg: string) => void } = {}): TJobRunner {
  if (globalForRunner.__clearanceJobRunner) return globalForRunner.__clearanceJobRunner;
  const pollMs = options.pollMs ?? 1_000;
  const log = options.log ?? ((msg: string) => console.log(msg));
  const workerId = newWorkerId();
  const controller = new AbortController();
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!controller.signal.aborted) {
      let worked = false;
      try {
        worked = await runOneJob(workerId, controller.signal);
      } catch (err) {
        // database not reachable yet, or gone for a moment: try again after the poll interval
        if (!controller.signal.aborted) log(`[jobs] poll failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!worked && !controller.signal.aborted) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, pollMs);
          t.unref?.();
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        wake = null;
      }
    }
  })();
  const runner: TJobRunner = {
    workerId,
    stop: async () => {
      controller.abort();
      (wake as (() => void) | null)?.();
      await loop;
      if (globalForRunner.__clearanceJobRunner === runner) delete globalForRunner.__clearanceJobRunner;
    },
  };
  globalForRunner.__clearanceJobRunner = runner;
  log(`[jobs] runner ${workerId} started`);
  return runner;
}
