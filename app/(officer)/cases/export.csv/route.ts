// GET /cases/export.csv?<queue filters> — the filtered review queue as CSV (UTF-8 with BOM for
// spreadsheet apps; every field quoted and formulas neutralised on every line by lib/csv.ts),
// streamed page by page.
import { requireRole } from '@/lib/authz';
import { toCsv } from '@/lib/csv';
import { formatDateTime, formatWorkingDays } from '@/lib/format';
import { requestNow } from '@/lib/clock';
import { getSlaSettings } from '@/lib/data/sla/current';
import { slaClocksFor } from '@/lib/data/sla/history';
import type { TSlaClock } from '@/lib/sla/working-days';
import { countryName } from '@/lib/countries';
import { OUTCOME_LABEL, STATUS_LABEL } from '@/lib/labels';
import { iterateQueue, type TQueueRow } from '@/lib/data/cases';
import { itemSummariesFor, type TItemSummary } from '@/lib/data/line-item-decisions';
import { ZQueueFilter } from '@/lib/validation/decision';

const COLUMNS = [
  'Reference',
  'Product',
  'ECCN',
  'Destination',
  'Destination code',
  'Region',
  'End user',
  'End user type',
  'Organisation',
  'Outcome',
  'Status',
  'Submitted',
  'Decided',
  'Assigned to',
  'Outcome changed',
  'Line items',
  'Items (outcome; decision)',
  'Working days used',
  'Service level',
];

/** The service-level clock in the same words as the queue's "Days left" column. */
const slaText = (c: TSlaClock | undefined) =>
  !c
    ? ''
    : c.decided
      ? `Decided in ${formatWorkingDays(c.usedDays)}`
      : c.paused
        ? 'Clock paused (information requested)'
        : c.overdue
          ? `Overdue by ${formatWorkingDays(-c.daysLeft)}`
          : c.daysLeft === 0
            ? 'Due today'
            : `${formatWorkingDays(c.daysLeft)} left`;

const itemText = (items: TItemSummary[]) =>
  items
    .map(
      (i) =>
        `${i.position + 1}. ${i.name} (${i.eccn ?? 'not classified'}): ${i.outcome ? OUTCOME_LABEL[i.outcome] : '-'}${i.decision ? `; ${i.decision === 'APPROVE' ? 'approved' : 'refused'}${i.licenseReference ? ` under licence ${i.licenseReference}` : ''}${i.reason ? ` (${i.reason})` : ''}` : ''}`,
    )
    .join(' | ');

const toRecord = (r: TQueueRow, items: TItemSummary[], clock: TSlaClock | undefined) => [
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
  formatDateTime(r.submittedAt, ''),
  formatDateTime(r.decidedAt, ''),
  r.assignedTo?.name ?? '',
  r.outcomeChanged ? 'yes' : 'no',
  String(items.length || r.lineItemCount),
  itemText(items),
  clock ? String(clock.usedDays) : '',
  slaText(clock),
];

export async function GET(request: Request) {
  const actor = await requireRole('OFFICER', 'ADMIN');
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) raw[key] = key === 'status' ? params.getAll(key) : params.get(key)!;
  const filter = ZQueueFilter.parse({ ...raw, cursor: undefined });
  const [sla, now] = await Promise.all([getSlaSettings(), requestNow()]);
  const encoder = new TextEncoder();
  const rows = iterateQueue(actor, filter);
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${toCsv([COLUMNS])}`));
        return;
      }
      const page: TQueueRow[] = [];
      for (let i = 0; i < 500; i++) {
        const next = await rows.next();
        if (next.done) break;
        page.push(next.value);
      }
      const [items, clocks] = await Promise.all([
        itemSummariesFor(
          actor,
          page.map((r) => r.id),
        ),
        slaClocksFor(
          page.map((r) => r.id),
          sla,
          now,
        ),
      ]);
      const batch = page.map((r) => toRecord(r, items.get(r.id) ?? [], clocks.get(r.id)));
      if (batch.length > 0) controller.enqueue(encoder.encode(toCsv(batch)));
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
