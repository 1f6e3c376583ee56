// A small job queue on the Job table, shared by every app instance (PRODUCT.md §7): jobs are claimed
// with FOR UPDATE SKIP LOCKED, report progress (done / total) and a resume point (cursor) on their
// row, and keep a heartbeat. A RUNNING job whose heartbeat is older than STALE_AFTER_MS belongs to an
// instance that stopped: the next claim takes it over and continues from its cursor.
import { db, type TDb, type TTx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { JobStatus, JobType } from '@/lib/generated/prisma/enums';

export const STALE_AFTER_MS = 30_000;

export type TClaimedJob = {
  id: string;
  type: JobType;
  ruleSetVersionId: string | null;
  params: Record<string, unknown>;
  result: unknown;
  total: number;
  done: number;
  cursor: string | null;
  createdById: string | null;
  lockedBy: string;
};

export type TEnqueue = {
  type: JobType;
  ruleSetVersionId?: string | null;
  params?: Record<string, unknown>;
  createdById?: string | null;
};

/** Adds a job; call it inside the transaction of the change that needs it, so both commit together. */
export async function enqueueJob(client: TTx | TDb, job: TEnqueue): Promise<{ id: string }> {
  return client.job.create({
    data: {
      type: job.type,
      ruleSetVersionId: job.ruleSetVersionId ?? null,
      params: (job.params ?? {}) as Prisma.InputJsonObject,
      createdById: job.createdById ?? null,
    },
    select: { id: true },
  });
}

/** Claims the oldest runnable job of the given types (queued, or running with a stale heartbeat). */
export async function claimJob(workerId: string, types: JobType[], client: TDb = db, staleAfterMs = STALE_AFTER_MS): Promise<TClaimedJob | null> {
  if (types.length === 0) return null;
  const rows = await client.$queryRaw<Omit<TClaimedJob, 'lockedBy'>[]>`
    UPDATE "Job" SET status = 'RUNNING', "lockedBy" = ${workerId}, "heartbeatAt" = now(),
                     "startedAt" = COALESCE("startedAt", now())
    WHERE id = (
      SELECT id FROM "Job"
      WHERE type::text = ANY(${types}::text[])
        AND (status = 'QUEUED' OR (status = 'RUNNING' AND ("heartbeatAt" IS NULL OR "heartbeatAt" < now() - make_interval(secs => ${staleAfterMs / 1000}))))
      ORDER BY "createdAt", id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, type::text AS type, "ruleSetVersionId", params, result, total, done, cursor, "createdById"`;
  const row = rows[0];
  return row ? { ...row, params: (row.params ?? {}) as Record<string, unknown>, lockedBy: workerId } : null;
}

export type TProgress = { done?: number; total?: number; cursor?: string | null; result?: unknown };

/**
 * Records progress (and the heartbeat) if this worker still holds the job. Returns false when the
 * job was taken over or cancelled: the caller must stop (and roll back what it was about to commit).
 */
export async function saveProgress(client: TTx | TDb, job: Pick<TClaimedJob, 'id' | 'lockedBy'>, progress: TProgress): Promise<boolean> {
  const updated = await client.job.updateMany({
    where: { id: job.id, lockedBy: job.lockedBy, status: 'RUNNING' },
    data: {
      heartbeatAt: new Date(),
      ...(progress.done !== undefined ? { done: progress.done } : {}),
      ...(progress.total !== undefined ? { total: progress.total } : {}),
      ...(progress.cursor !== undefined ? { cursor: progress.cursor } : {}),
      ...(progress.result !== undefined ? { result: progress.result as Prisma.InputJsonValue } : {}),
    },
  });
  return updated.count === 1;
}

export async function finishJob(
  client: TTx | TDb,
  job: Pick<TClaimedJob, 'id' | 'lockedBy'>,
  outcome: { status: Extract<JobStatus, 'SUCCEEDED' | 'FAILED' | 'CANCELLED'>; result?: unknown; error?: string },
): Promise<boolean> {
  const updated = await client.job.updateMany({
    where: { id: job.id, lockedBy: job.lockedBy, status: 'RUNNING' },
    data: {
      status: outcome.status,
      finishedAt: new Date(),
      heartbeatAt: new Date(),
      ...(outcome.result !== undefined ? { result: outcome.result as Prisma.InputJsonValue } : {}),
      ...(outcome.error !== undefined ? { error: outcome.error.slice(0, 2000) } : {}),
    },
  });
  return updated.count === 1;
}

export type TJobView = {
  id: string;
  type: JobType;
  status: JobStatus;
  done: number;
  total: number;
  error: string | null;
  stale: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  ruleSetVersionId: string | null;
};

const JOB_VIEW_SELECT = {
  id: true,
  type: true,
  status: true,
  done: true,
  total: true,
  error: true,
  heartbeatAt: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  ruleSetVersionId: true,
} as const;

type TJobViewRow = Prisma.JobGetPayload<{ select: typeof JOB_VIEW_SELECT }>;

export function toJobView(row: TJobViewRow, now = Date.now()): TJobView {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    done: row.done,
    total: row.total,
    error: row.error,
    stale: row.status === 'RUNNING' && (!row.heartbeatAt || now - row.heartbeatAt.getTime() > STALE_AFTER_MS),
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    ruleSetVersionId: row.ruleSetVersionId,
  };
}

/** The progress view of a job (no params or result: those can be large). */
export async function getJobView(id: string, client: TDb = db): Promise<TJobView | null> {
  const row = await client.job.findUnique({ where: { id }, select: JOB_VIEW_SELECT });
  return row ? toJobView(row) : null;
}

export async function latestJobView(where: Prisma.JobWhereInput, client: TDb = db): Promise<TJobView | null> {
  const row = await client.job.findFirst({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: JOB_VIEW_SELECT });
  return row ? toJobView(row) : null;
}
