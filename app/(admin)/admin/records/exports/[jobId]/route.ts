// GET /admin/records/exports/[jobId] — a finished whole-organisation export (admins only).
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { requireRole } from '@/lib/authz';
import { getOrgExportFile } from '@/lib/data/records';
import { AppError } from '@/lib/errors';

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const actor = await requireRole('ADMIN');
  const { jobId } = await params;
  let file;
  try {
    file = await getOrgExportFile(actor, jobId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND')
      return new Response(err.message, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    throw err;
  }
  const { size } = fs.statSync(file.path);
  return new Response(Readable.toWeb(fs.createReadStream(file.path)) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Length': String(size),
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
