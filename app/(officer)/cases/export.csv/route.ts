// GET /cases/export.csv?<queue filters> — the filtered review queue as CSV (UTF-8 with BOM for
// spreadsheet apps; quoting and formula escaping by csv-stringify), streamed page by page.
import { stringify } from 'csv-stringify/sync';
import { requireRole } from '@/lib/authz';
import { countryName } from '@/lib/countries';
import { OUTCOME_LABEL, STATUS_LABEL } from '@/lib/labels';
import { iterateQueue, type TQueueRow } from '@/lib/data/cases';
import { ZQueueFilter } from '@/lib/validation/decision';

const COLUMNS = ['Reference', 'Product', 'ECCN', 'Destination', 'Destination code', 'Region', 'End user', 'End user type', 'Organisation', 'Outcome', 'Status', 'Submitted (UTC)', 'Decided (UTC)', 'Assigned to', 'Outcome changed'];

const toRecord = (r: TQueueRow) => [
  r.reference,
  r.productName,
  r.eccn ?? '',
  countryName(r.destinationCountry),
  r.destinationCountry ?? '',
  r.destinationRegion ?? '',
  r.endUserName ?? '',
  r.endUserType ?? '',
  r.organization.name,
  r.outcome ? OUTCOME_LABEL[r.outcome] : '',
  STATUS_LABEL[r.status],
  r.submittedAt?.toISOString() ?? '',
  r.decidedAt?.toISOString() ?? '',
  r.assignedTo?.name ?? '',
  r.outcomeChanged ? 'yes' : 'no',
];

const CSV_OPTIONS = { escape_formulas: true, record_delimiter: 'windows' } as const;

export async function GET(request: Request) {
  const actor = await requireRole('OFFICER', 'ADMIN');
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) raw[key] = key === 'status' ? params.getAll(key) : params.get(key)!;
  const filter = ZQueueFilter.parse({ ...raw, cursor: undefined });
  const encoder = new TextEncoder();
  const rows = iterateQueue(actor, filter);
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${stringify([COLUMNS], CSV_OPTIONS)}`));
        return;
      }
      const batch: string[][] = [];
      for (let i = 0; i < 500; i++) {
        const next = await rows.next();
        if (next.done) break;
        batch.push(toRecord(next.value));
      }
      if (batch.length > 0) controller.enqueue(encoder.encode(stringify(batch, CSV_OPTIONS)));
      if (batch.length < 500) controller.close();
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="clearance-queue-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
