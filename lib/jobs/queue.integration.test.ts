// The DB-backed job queue: one claimant per job (SKIP LOCKED), a stale RUNNING job is taken over and
// resumes from its cursor, and a worker that lost its job cannot write to it. Re-screening keeps a
// decided case's status and decision, flags the changed outcome and adds a RESCREEN run.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createUser } from '@/test/factories';
import { applicationInput, freshDraft, withoutDraft } from '@/test/admin-helpers';
import { submitAndScreen } from '@/lib/data/applications';
import { publishDraft, updateDraftRule } from '@/lib/data/admin-rulesets';
import { claimJob, enqueueJob, saveProgress } from './queue';
import { runOneJob } from './runner';
import type { TRescreenResult } from './rescreen';
import type { TRuleConfig } from '@/lib/screening/types';

async function drain() {
  while (await runOneJob('drain')) {
    /* run everything queued */
  }
}

describe('job queue', () => {
  it('gives a job to exactly one of several concurrent claimants', async () => {
    await drain();
    const job = await enqueueJob(db, { type: 'BATCH_SCREEN', params: { test: 'concurrent' } });
    const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => claimJob(`w${i}`, ['BATCH_SCREEN'])));
    const winners = claims.filter((c) => c?.id === job.id);
    expect(winners).toHaveLength(1);
    await db.job.update({ where: { id: job.id }, data: { status: 'CANCELLED' } });
  });

  it('takes over a job whose heartbeat is stale; the old owner can no longer write', async () => {
    await drain();
    const job = await enqueueJob(db, { type: 'BATCH_SCREEN' });
    const first = (await claimJob('old-worker', ['BATCH_SCREEN']))!;
    expect(first.id).toBe(job.id);
    expect(await saveProgress(db, first, { done: 3, total: 10, cursor: 'c3' })).toBe(true);
    expect(await claimJob('new-worker', ['BATCH_SCREEN'])).toBeNull(); // fresh heartbeat: not stale
    await db.job.update({ where: { id: job.id }, data: { heartbeatAt: new Date(Date.now() - 120_000) } });
    const second = (await claimJob('new-worker', ['BATCH_SCREEN']))!;
    expect(second).toMatchObject({ id: job.id, cursor: 'c3', done: 3, total: 10, lockedBy: 'new-worker' });
    expect(await saveProgress(db, first, { done: 4 })).toBe(false);
    await db.job.update({ where: { id: job.id }, data: { status: 'CANCELLED' } });
  });

  it('re-screens after publishing; a RESCREEN interrupted after a batch resumes from its cursor without repeating it', async () => {
    await drain();
    const exporter = await createUser('EXPORTER');
    const officer = await createUser('OFFICER');
    // three open cases and one decided case, all with a red flag (REVIEW under the seed rules)
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const input = { ...applicationInput(), redFlags: ['VAGUE_DELIVERY' as const] };
      ids.push((await submitAndScreen({ actor: exporter, input })).id);
    }
    const decidedId = ids[3]!;
    await db.application.update({ where: { id: decidedId }, data: { status: 'APPROVED', decidedAt: new Date() } });
    await db.decision.create({ data: { applicationId: decidedId, type: 'APPROVE', officerId: officer.id } });
    const before = await db.application.findMany({ where: { id: { in: ids } }, select: { id: true, outcome: true } });
    expect(before.every((a) => a.outcome === 'REVIEW')).toBe(true);

    // a draft without the red-flag rule: these cases become CLEAR
    const admin = await createUser('ADMIN');
    const draftId = await freshDraft(admin);
    const rules = (await db.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId }, select: { rules: true } })).rules as unknown as TRuleConfig[];
    const kyc = rules.find((r) => r.id === 'kyc.red-flags')!;
    await updateDraftRule(admin, { versionId: draftId, ruleId: kyc.id, enabled: false, params: kyc.params });
    const { jobId } = await publishDraft(admin, draftId, 'Red flags no longer reviewed (test)');
    await db.job.update({ where: { id: jobId }, data: { params: { batchSize: 2 } } });

    // worker A does one batch, then "dies" (its claim goes stale)
    const a = (await claimJob('worker-a', ['RESCREEN']))!;
    const { runRescreen } = await import('./rescreen');
    const controller = new AbortController();
    let batches = 0;
    const interval = setInterval(async () => {
      const j = await db.job.findUnique({ where: { id: jobId }, select: { cursor: true } });
      if (j?.cursor && batches === 0) {
        batches += 1;
        controller.abort();
      }
    }, 5);
    await runRescreen(a, { signal: controller.signal });
    clearInterval(interval);
    const mid = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(mid.cursor).not.toBeNull();
    const doneAtStop = mid.done;
    expect(doneAtStop).toBeGreaterThan(0);
    await db.job.update({ where: { id: jobId }, data: { heartbeatAt: new Date(Date.now() - 120_000) } });

    // worker B takes over and finishes
    expect(await runOneJob('worker-b')).toBe(true);
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.status).toBe('SUCCEEDED');
    expect(job.lockedBy).toBe('worker-b');
    const result = job.result as TRescreenResult;
    expect(job.done).toBe(job.total);

    // every case has exactly one RESCREEN run under the new version (none repeated)
    for (const id of ids) {
      expect(await db.screeningRun.count({ where: { applicationId: id, trigger: 'RESCREEN', ruleSetVersionId: draftId } })).toBe(1);
    }
    const open = await db.application.findMany({ where: { id: { in: ids.slice(0, 3) } }, select: { outcome: true, outcomeChanged: true, status: true } });
    expect(open.every((a) => a.outcome === 'CLEAR' && a.outcomeChanged && a.status === 'SUBMITTED')).toBe(true);
    const decided = await db.application.findUniqueOrThrow({
      where: { id: decidedId },
      select: { outcome: true, outcomeChanged: true, status: true, decisions: { select: { type: true } } },
    });
    expect(decided).toMatchObject({ status: 'APPROVED', outcome: 'REVIEW', outcomeChanged: true, decisions: [{ type: 'APPROVE' }] });
    const lastRun = await db.screeningRun.findFirstOrThrow({ where: { applicationId: decidedId }, orderBy: { createdAt: 'desc' } });
    expect(lastRun).toMatchObject({ trigger: 'RESCREEN', outcome: 'CLEAR', previousOutcome: 'REVIEW' });
    expect(result.changes.filter((c) => ids.includes(c.applicationId))).toHaveLength(4);
    await withoutDraft();
  });
});
