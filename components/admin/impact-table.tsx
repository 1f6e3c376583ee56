// Cases whose outcome would change (impact preview) or changed (re-screen): from → to, and why.
import Link from 'next/link';
import { OutcomeBadge, StatusBadge, type TOutcomeCode, type TStatusCode } from '@/components/ui/badge';
import { OUTCOME_LABEL } from '@/lib/labels';
import { DataTable } from '@/components/ui/data-table';
import type { TFindingChange, TFindingSummary } from '@/lib/jobs/rescreen';

export type TImpactRow = {
  applicationId: string;
  reference: string;
  status: string;
  productName?: string;
  from: string | null;
  to: string;
  appeared?: TFindingSummary[];
  disappeared?: TFindingSummary[];
  changed?: TFindingChange[];
  items?: { position: number; name: string; from: string | null; to: string }[];
};

export function ImpactTable({ rows, caption, testId }: { rows: TImpactRow[]; caption: string; testId?: string }) {
  return (
    <DataTable
      cards="md"
      look="framed"
      caption={caption}
      region={caption}
      testId={testId}
      rows={rows}
      rowKey={(r) => r.applicationId}
      columns={[
        {
          key: 'case',
          header: 'Case',
          cell: (r) => (
            <>
              <Link href={`/cases/${r.applicationId}`} className="font-medium text-indigo-700 hover:underline">
                {r.reference}
              </Link>
              {r.productName ? <p className="text-xs text-slate-500">{r.productName}</p> : null}
            </>
          ),
        },
        { key: 'status', header: 'Status', cell: (r) => <StatusBadge status={r.status as TStatusCode} /> },
        {
          key: 'outcome',
          header: 'Outcome',
          className: 'whitespace-nowrap',
          cell: (r) => (
            <>
              <OutcomeBadge outcome={r.from as TOutcomeCode | null} />{' '}
              <span aria-hidden className="mx-1 text-slate-600">
                →
              </span>
              <span className="sr-only">to</span> <OutcomeBadge outcome={r.to as TOutcomeCode} />
            </>
          ),
        },
        { key: 'why', header: 'Why', cell: (r) => <Why row={r} /> },
      ]}
    />
  );
}

/** Why a case's outcome changes: the items that change, then the findings that appeared, went or changed. */
function Why({ row: r }: { row: TImpactRow }) {
  return (
    <>
      {r.items?.length ? (
        <ul className="mb-2 space-y-0.5" aria-label="Line items that change">
          {r.items.map((i) => (
            <li key={i.position} className="text-slate-800">
              Item {i.position + 1} ({i.name}) would change from {i.from ? OUTCOME_LABEL[i.from as TOutcomeCode] : 'not screened'} to{' '}
              {OUTCOME_LABEL[i.to as TOutcomeCode]}
            </li>
          ))}
        </ul>
      ) : null}
      {r.appeared?.length || r.disappeared?.length || r.changed?.length ? (
        <ul className="space-y-1">
          {r.changed?.map((f, i) => (
            <li key={`c${i}`} className="flex gap-2">
              <span className="font-semibold text-amber-800" aria-label="Finding with another outcome">
                ~
              </span>
              <span className="text-slate-800">
                {f.message}{' '}
                <span className="text-slate-600">
                  ({OUTCOME_LABEL[f.from as TOutcomeCode]} → {OUTCOME_LABEL[f.outcome as TOutcomeCode]})
                </span>
              </span>
            </li>
          ))}
          {r.appeared?.map((f, i) => (
            <li key={`a${i}`} className="flex gap-2">
              <span className="font-semibold text-red-700" aria-label="New finding">
                +
              </span>
              <span className="text-slate-800">{f.message}</span>
            </li>
          ))}
          {r.disappeared?.map((f, i) => (
            <li key={`d${i}`} className="flex gap-2">
              <span className="font-semibold text-emerald-700" aria-label="Finding gone">
                −
              </span>
              <span className="text-slate-600">{f.message}</span>
            </li>
          ))}
        </ul>
      ) : r.appeared && r.disappeared ? (
        <span className="text-slate-700">Same findings as before; only the outcome changes (the new rules weigh them differently).</span>
      ) : (
        <span className="text-slate-600">See the case’s screening history.</span>
      )}
    </>
  );
}
