// GET /cases/[id]/record.pdf — the decision record. Officers and admins: any case; exporters: their
// organisation's cases once decided (the data layer scopes the query; anything else is 404).
import { requireUser } from '@/lib/authz';
import { getDecisionRecord } from '@/lib/data/cases';
import { AppError } from '@/lib/errors';
import { renderDecisionRecord } from '@/lib/pdf/decision-record';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const { id } = await params;
  let record;
  try {
    record = await getDecisionRecord(actor, id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND')
      return new Response(err.message, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    throw err;
  }
  const bytes = await renderDecisionRecord(record);
  return new Response(new Blob([bytes as BlobPart], { type: 'application/pdf' }), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${record.reference}-decision-record.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
