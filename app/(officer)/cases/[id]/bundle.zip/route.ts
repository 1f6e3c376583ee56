// GET /cases/[id]/bundle.zip — the auditor's bundle of a case (officers and admins; the data layer
// checks the role and records the export in the audit log). Verify it offline with
// `npm run audit:verify -- --bundle FILE`.
import { requireUser } from '@/lib/authz';
import { buildCaseBundle } from '@/lib/data/records';
import { AppError } from '@/lib/errors';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const { id } = await params;
  let bundle;
  try {
    bundle = await buildCaseBundle(actor, id);
  } catch (err) {
    if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) {
      // Exporters get the same answer as for a case that does not exist.
      return new Response('Case not found.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    throw err;
  }
  return new Response(new Blob([bundle.bytes as BlobPart], { type: 'application/zip' }), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${bundle.fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
