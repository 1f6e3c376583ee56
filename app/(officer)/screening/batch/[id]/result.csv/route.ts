// GET /screening/batch/<id>/result.csv — a batch screening's result, one row per input line, streamed.
import { requireRole } from '@/lib/authz';
import { batchResultCsv, getBatch } from '@/lib/data/batch-screening';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('OFFICER', 'ADMIN');
  const { id } = await params;
  const batch = await getBatch(actor, id);
  if (!batch) return new Response('Batch not found.', { status: 404 });
  const base =
    batch.fileName
      .replace(/\.[^.]*$/, '')
      .replace(/[^\w.-]+/g, '_')
      .slice(0, 80) || 'parties';
  return new Response(await batchResultCsv(actor, id), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${base}-screened.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
