// Helpers for the admin integration tests: uploading a file through the same path the route handler
// uses, starting from no draft, and a valid application input.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { TActor } from '@/lib/authz';
import { db } from '@/lib/db';
import { startListImport, receiveListUpload } from '@/lib/data/party-lists';
import { createDraft, publishDraft } from '@/lib/data/admin-rulesets';
import { runOneJob } from '@/lib/jobs/runner';
import { ZApplicationInput, type TApplicationInput } from '@/lib/validation/application';
import type { TListFormat } from '@/lib/validation/rules';

export const PARTIES = 'data/reference/parties';

/** Removes a draft another test may have left behind (drafts are one at a time). */
export async function withoutDraft() {
  const drafts = await db.ruleSetVersion.findMany({ where: { status: 'DRAFT' }, select: { id: true } });
  for (const d of drafts) {
    await db.job.updateMany({ where: { ruleSetVersionId: d.id }, data: { ruleSetVersionId: null } });
    // A draft something was screened against cannot be deleted; set it aside instead.
    const used = await db.screeningRun.count({ where: { ruleSetVersionId: d.id } });
    if (used) await db.ruleSetVersion.update({ where: { id: d.id }, data: { status: 'ARCHIVED' } });
    else await db.ruleSetVersion.delete({ where: { id: d.id } });
  }
}

export async function freshDraft(admin: TActor): Promise<string> {
  await withoutDraft();
  return (await createDraft(admin)).id;
}

/** A pull-based web stream (like a request body): nothing is produced after the reader cancels. */
export function streamOf(data: string | Buffer | Iterable<Buffer>): ReadableStream<Uint8Array> {
  const source = typeof data === 'string' || Buffer.isBuffer(data) ? [Buffer.from(data)] : data;
  const it = source[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = it.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
  });
}

export const fileStream = (file: string) => Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;

export async function upload(
  admin: TActor,
  draftId: string,
  body: ReadableStream<Uint8Array>,
  opts: { format?: TListFormat; fileName?: string; asOf?: string; size?: number } = {},
) {
  const { jobId } = await startListImport(admin, draftId, {
    format: opts.format ?? 'AUTO',
    fileName: opts.fileName ?? 'upload.csv',
    asOf: opts.asOf,
    size: opts.size ?? 0,
  });
  return { jobId, result: receiveListUpload(admin, jobId, body) };
}

/** Publishes the draft and runs every queued job to the end (re-screen included). */
export async function publishAndRun(admin: TActor, draftId: string, note = 'Published by an integration test') {
  const published = await publishDraft(admin, draftId, note);
  while (await runOneJob('test-worker')) {
    /* drain */
  }
  return published;
}

export function applicationInput(overrides: { consignee?: string; endUser?: string; country?: string } = {}): TApplicationInput {
  return ZApplicationInput.parse({
    product: {
      name: 'Thermal camera',
      description: 'Uncooled thermal camera',
      eccn: 'EAR99',
      kind: 'HARDWARE',
      quantity: 2,
      unitValueUsd: 900,
      biometric: null,
    },
    destination: { country: overrides.country ?? 'DE', region: null },
    endUser: {
      name: overrides.endUser ?? 'Muster Sicherheitstechnik GmbH',
      country: overrides.country ?? 'DE',
      address: 'Hauptstr. 1, Berlin',
      type: 'COMMERCIAL',
    },
    consignees: overrides.consignee ? [{ name: overrides.consignee, country: 'CN', role: 'INTERMEDIATE' }] : [],
    endUse: { category: 'ACCESS_CONTROL', description: 'Building entry' },
    redFlags: [],
  });
}
