// ORG_EXPORT job: every case of one organisation created in a date range, each as its own sealed
// case bundle (lib/data/records.ts), inside one sealed zip written to EXPORT_DIR (default exports/).
// Progress (done/total) is saved after each case. The zip is built in one pass, so a job taken over
// by another instance starts again from the first case (cursor unused); the file appears under its
// final name only when complete.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { buildCaseBundle, exportDir } from '@/lib/data/records';
import { ORG_EXPORT_FORMAT, type TBundleFile } from '@/lib/records/bundle-verify';
import { SEAL_LENGTH, SEAL_PLACEHOLDER, SEAL_PREFIX } from '@/lib/records/seal';
import { saveProgress, type TClaimedJob } from './queue';
import { JobLostError, type TJobContext } from './rescreen';

export type TOrgExportResult = { file: string; bytes: number; cases: number; sha256: string };

/** Patches the seal placeholder at the end of a zip file on disk (streaming hash of the rest). */
async function sealFile(file: string): Promise<string> {
  const size = fs.statSync(file).size;
  const start = size - SEAL_LENGTH;
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file, { end: start - 1 }), hash);
  const digest = hash.digest('hex');
  const fd = fs.openSync(file, 'r+');
  try {
    const tail = Buffer.alloc(SEAL_LENGTH);
    fs.readSync(fd, tail, 0, SEAL_LENGTH, start);
    if (tail.toString('latin1') !== SEAL_PLACEHOLDER) throw new Error('export file does not end with the seal placeholder');
    fs.writeSync(fd, Buffer.from(SEAL_PREFIX + digest, 'latin1'), 0, SEAL_LENGTH, start);
  } finally {
    fs.closeSync(fd);
  }
  return digest;
}

export async function runOrgExport(job: TClaimedJob, ctx: TJobContext): Promise<TOrgExportResult | null> {
  const params = job.params as { organizationId: string; organization: string; from: string; to: string };
  const user = job.createdById ? await db.user.findUnique({ where: { id: job.createdById } }) : null;
  if (!user || !user.active || user.role !== 'ADMIN') throw new Error('The administrator who started this export is no longer active.');
  const actor: TActor = { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId };
  const where = {
    organizationId: params.organizationId,
    status: { not: 'DRAFT' as const },
    createdAt: { gte: new Date(`${params.from}T00:00:00Z`), lt: new Date(new Date(`${params.to}T00:00:00Z`).getTime() + 86_400_000) },
  };
  const total = await db.application.count({ where });
  if (!(await saveProgress(db, job, { total, done: 0, cursor: null }))) throw new JobLostError();

  const dir = exportDir();
  fs.mkdirSync(dir, { recursive: true });
  const slug =
    params.organization
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'organisation';
  const name = `${slug}-${params.from}-${params.to}-${job.id}.zip`;
  const file = path.join(dir, name);
  const partial = `${file}.partial`;
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, fs.createWriteStream(partial));
  const mtime = new Date();
  const listed: TBundleFile[] = [];
  let cursor: string | undefined;
  let done = 0;
  try {
    for (;;) {
      const batch = await db.application.findMany({
        where: { ...where, ...(cursor ? { id: { gt: cursor } } : {}) },
        orderBy: { id: 'asc' },
        take: 50,
        select: { id: true },
      });
      if (batch.length === 0) break;
      for (const { id } of batch) {
        if (ctx.signal.aborted) throw new Error('stopped');
        const bundle = await buildCaseBundle(actor, id, { audit: false });
        const entry = `cases/${bundle.fileName}`;
        // Wait until yazl has taken each bundle, so memory holds one at a time.
        await new Promise<void>((resolve, reject) => {
          const stream = Readable.from([bundle.bytes]);
          stream.once('end', resolve).once('error', reject);
          zip.addReadStream(stream, entry, { mtime, compress: false, size: bundle.bytes.length });
        });
        listed.push({ path: entry, bytes: bundle.bytes.length, sha256: createHash('sha256').update(bundle.bytes).digest('hex') });
        done += 1;
      }
      cursor = batch.at(-1)!.id;
      if (!(await saveProgress(db, job, { done, total: Math.max(total, done) }))) throw new JobLostError();
    }
    const manifest = {
      format: ORG_EXPORT_FORMAT,
      formatVersion: 1,
      generatedAt: mtime.toISOString(),
      generatedBy: { email: actor.email, role: actor.role },
      organization: params.organization,
      from: params.from,
      to: params.to,
      cases: done,
      files: listed,
    };
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json', { mtime });
    zip.end({ comment: SEAL_PLACEHOLDER, forceZip64Format: false });
    await written;
    const sha256 = await sealFile(partial);
    fs.renameSync(partial, file);
    return { file: name, bytes: fs.statSync(file).size, cases: done, sha256 };
  } catch (err) {
    (zip.outputStream as unknown as Readable).destroy();
    await written.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    if (ctx.signal.aborted && !(err instanceof JobLostError)) return null; // handed back; the next start begins again
    throw err;
  }
}
