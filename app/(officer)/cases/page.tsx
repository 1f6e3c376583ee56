// The review queue: search, counts per status, filters (status, outcome, destination, organisation,
// assigned to me, age), sort by severity or age, keyset pages with page numbers and the total, Assign
// to me, bulk approval of clear cases, CSV.
import Link from 'next/link';
import { formatAge, formatCount, formatDateTime, formatNumber } from '@/lib/format';
import { ManageViews, SaveViewForm } from '@/components/cases/saved-views';
import { SlaCell } from '@/components/cases/sla-cell';
import { requestNow } from '@/lib/clock';
import { listSavedViews } from '@/lib/data/saved-views';
import { getSlaSettings } from '@/lib/data/sla/current';
import { slaClocksFor } from '@/lib/data/sla/history';
import { canonicalViewQuery } from '@/lib/validation/saved-views';
import { AssignButton, BulkApproveForm } from '@/components/cases/small-forms';
import { OutcomeBadge, StatusBadge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { requireRole } from '@/lib/authz';
import { countryLabel, countryName } from '@/lib/countries';
import { OUTCOME_LABEL, STATUS_LABEL } from '@/lib/labels';
import { CASE_STATUSES, OPEN_STATUSES, OUTCOMES } from '@/lib/codes';
import { QUEUE_PAGE_SIZE, countCasesByStatus, countCasesForQueue, findCasesForQueue, queueFilterOptions } from '@/lib/data/cases';
import { allows } from '@/lib/workflow';
import { ZQueueFilter, type TQueueFilter } from '@/lib/validation/decision';

export const metadata = { title: 'Review queue · Clearance' };

type TSearchParams = Record<string, string | string[] | undefined>;

/** The filter as URL params (without the cursor unless given). */
function queryOf(filter: TQueueFilter, overrides: Partial<Record<keyof TQueueFilter, string | string[] | undefined>> = {}): string {
  const p = new URLSearchParams();
  const merged = { ...filter, cursor: undefined, page: undefined, ...overrides } as Record<string, unknown>;
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === false || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => p.append(key, String(v)));
    else p.set(key, value === true ? '1' : String(value));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

const selectClass =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30';

export default async function CasesPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const actor = await requireRole('OFFICER', 'ADMIN');
  const params = await searchParams;
  const filter = ZQueueFilter.parse(params);
  const now = await requestNow();
  const [counts, page, options, matching, views, sla] = await Promise.all([
    countCasesByStatus(actor),
    findCasesForQueue(actor, filter, { now }),
    queueFilterOptions(actor),
    countCasesForQueue(actor, filter, { now }),
    listSavedViews(actor),
    getSlaSettings(),
  ]);
  const clocks = await slaClocksFor(
    page.rows.map((r) => r.id),
    sla,
    now,
  );
  const isOverdue = (id: string) => {
    const clock = clocks.get(id);
    return !!clock && clock.overdue && !clock.paused && !clock.decided;
  };
  const pageCount = Math.max(1, Math.ceil(matching / QUEUE_PAGE_SIZE));
  const pageNumber = filter.cursor ? Math.min(filter.page, pageCount) : 1;
  const currentQuery = canonicalViewQuery(params);
  const currentView = views.find((v) => v.query === currentQuery);
  const statusShown = filter.status?.length ? filter.status : OPEN_STATUSES;
  const selectable = page.rows.filter((r) => r.outcome === 'CLEAR' && allows('APPROVE', r.status) && r.submittedById !== actor.id).length;
  const openTotal = OPEN_STATUSES.reduce((n, s) => n + counts[s], 0);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Review queue</h1>
          <p className="mt-1 text-sm text-slate-600">{formatCount(openTotal, 'open case')} across all organisations.</p>
        </div>
        <a href={`/cases/export.csv${queryOf(filter)}`} className={buttonClass('secondary')} download>
          Export CSV
        </a>
      </div>

      <div className="space-y-2">
        <nav aria-label="Saved views" className="-mx-1 overflow-x-auto">
          <ul className="flex min-w-max gap-1 border-b border-slate-200 px-1">
            {[{ id: 'all', name: 'All open cases', query: '' }, ...views].map((v) => {
              const active = v.id === 'all' ? currentQuery === '' : v.query === currentQuery;
              return (
                <li key={v.id}>
                  <Link
                    href={`/cases${v.query ? `?${v.query}` : ''}`}
                    aria-current={active ? 'page' : undefined}
                    className={`-mb-px block border-b-2 px-3 py-2 text-sm font-medium ${active ? 'border-indigo-600 text-indigo-800' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'}`}
                  >
                    {v.name}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="flex flex-wrap items-start gap-2">
          {currentQuery ? (
            <SaveViewForm query={currentQuery} saved={!!currentView} suggestedName={filter.q ? `Search: ${filter.q}`.slice(0, 60) : 'My view'} />
          ) : null}
          <ManageViews views={views} />
        </div>
      </div>

      <nav aria-label="Cases per status" className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-8">
        {CASE_STATUSES.map((s) => {
          const active = filter.status?.length === 1 && filter.status[0] === s;
          return (
            <Link
              key={s}
              href={`/cases${queryOf(filter, { status: [s] })}`}
              aria-current={active ? 'true' : undefined}
              data-testid={`count-${s}`}
              className={`rounded-lg border px-3 py-2 ${active ? 'border-indigo-400 bg-indigo-50' : 'border-slate-200 bg-white hover:border-slate-300'}`}
            >
              <span className="block text-xl font-semibold text-slate-900 tabular-nums">{formatNumber(counts[s])}</span>
              <span className="block text-xs text-slate-600">{STATUS_LABEL[s]}</span>
            </Link>
          );
        })}
      </nav>

      <form method="get" action="/cases" aria-label="Filters" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3">
        <label className="w-full text-xs font-medium text-slate-600 sm:w-72">
          Search
          <input
            type="search"
            name="q"
            defaultValue={filter.q ?? ''}
            maxLength={200}
            placeholder="Reference, product, ECCN, party, organisation"
            className={`mt-1 block w-full ${selectClass}`}
          />
        </label>
        <label className="text-xs font-medium text-slate-600">
          Status
          <select name="status" defaultValue={filter.status?.length === 1 ? filter.status[0] : ''} className={`mt-1 block ${selectClass}`}>
            <option value="">All open</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          Outcome
          <select name="outcome" defaultValue={filter.outcome ?? ''} className={`mt-1 block ${selectClass}`}>
            <option value="">Any</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABEL[o]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          Destination
          <select name="destination" defaultValue={filter.destination ?? ''} className={`mt-1 block ${selectClass}`}>
            <option value="">Any</option>
            {options.destinations.map((d) => (
              <option key={d} value={d}>
                {countryName(d)} ({d})
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          Organisation
          <select name="organization" defaultValue={filter.organization ?? ''} className={`mt-1 block max-w-48 ${selectClass}`}>
            <option value="">Any</option>
            {options.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          Waiting
          <select name="age" defaultValue={filter.age ? String(filter.age) : ''} className={`mt-1 block ${selectClass}`}>
            <option value="">Any time</option>
            <option value="1">More than 1 day</option>
            <option value="3">More than 3 days</option>
            <option value="7">More than a week</option>
            <option value="30">More than 30 days</option>
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          Sort by
          <select name="sort" defaultValue={filter.sort} className={`mt-1 block ${selectClass}`}>
            <option value="severity">Severity (worst first)</option>
            <option value="age">Age (oldest first)</option>
            <option value="due">Days left (fewest first)</option>
          </select>
        </label>
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input type="checkbox" name="mine" value="1" defaultChecked={filter.mine} className="h-4 w-4 rounded border-slate-300 text-indigo-700" />
          Assigned to me
        </label>
        <div className="flex gap-2 pb-0.5">
          <button type="submit" className={buttonClass('primary', 'sm')}>
            Apply
          </button>
          <Link href="/cases" className={buttonClass('ghost', 'sm')}>
            Reset
          </Link>
        </div>
      </form>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          <span data-testid="queue-total">{formatCount(matching, 'case')}</span>
          {filter.q ? (
            <>
              {' '}
              matching “<bdi>{filter.q}</bdi>”
            </>
          ) : null}{' '}
          · {statusShown.map((s) => STATUS_LABEL[s].toLowerCase()).join(', ')} ·{' '}
          {filter.sort === 'age' ? 'oldest first' : filter.sort === 'due' ? 'fewest working days left first' : 'worst first'}.
        </p>
        <BulkApproveForm selectable={selectable} />
      </div>

      {page.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="font-medium text-slate-900">{filter.q ? `No cases match “${filter.q}” with these filters.` : 'No cases match these filters.'}</p>
          <p className="mt-1 text-sm text-slate-600">New submissions appear here as soon as they are screened.</p>
        </div>
      ) : (
        <DataTable
          cards="lg"
          look="framed"
          caption="Cases"
          region="Cases table"
          className="w-full"
          headCellClassName="px-3 py-2.5"
          cellClassName="px-3 py-3"
          rows={page.rows}
          rowKey={(r) => r.id}
          rowProps={(r) => {
            const overdue = isOverdue(r.id);
            return {
              className: overdue ? 'bg-red-50/50 hover:bg-red-50' : 'hover:bg-slate-50',
              'data-testid': 'queue-row',
              'data-overdue': overdue || undefined,
            };
          }}
          columns={[
            {
              key: 'select',
              header: <span className="sr-only">Select</span>,
              headerClassName: 'w-10',
              cellProps: (r) => ({ className: isOverdue(r.id) ? 'border-l-4 border-l-red-600' : undefined }),
              cell: (r) =>
                r.outcome === 'CLEAR' && allows('APPROVE', r.status) && r.submittedById !== actor.id ? (
                  <input
                    type="checkbox"
                    form="bulk-approve"
                    name="cases"
                    value={`${r.id}:${r.version}`}
                    aria-label={`Select ${r.reference} for bulk approval`}
                    className="h-4 w-4 rounded border-slate-300 text-indigo-700"
                  />
                ) : null,
            },
            {
              key: 'case',
              header: 'Case',
              label: null,
              className: 'card-head [overflow-wrap:anywhere]',
              cell: (r) => (
                <>
                  <Link href={`/cases/${r.id}`} className="font-medium text-indigo-700 hover:underline">
                    {r.reference}
                  </Link>
                  <p className="text-slate-900">{r.productName}</p>
                  <p className="text-xs text-slate-500">{r.eccn ?? 'Not classified'}</p>
                </>
              ),
            },
            {
              key: 'destination',
              header: 'Destination',
              className: 'text-slate-800',
              cell: (r) => (
                <>
                  {countryLabel(r.destinationCountry)}
                  {r.destinationRegion ? <span className="block text-xs text-slate-500">{r.destinationRegion}</span> : null}
                </>
              ),
            },
            { key: 'endUser', header: 'End user', className: '[overflow-wrap:anywhere] text-slate-800', cell: (r) => r.endUserName ?? '—' },
            { key: 'organisation', header: 'Organisation', className: '[overflow-wrap:anywhere] text-slate-600', cell: (r) => r.organization.name },
            {
              key: 'outcome',
              header: 'Outcome',
              cell: (r) => (
                <>
                  <OutcomeBadge outcome={r.outcome} />
                  {r.outcomeChanged ? <span className="mt-1 block text-xs font-medium text-amber-700">Outcome changed</span> : null}
                </>
              ),
            },
            { key: 'status', header: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
            {
              key: 'waiting',
              header: 'Waiting',
              className: 'text-slate-600 tabular-nums',
              cellProps: (r) => ({ title: formatDateTime(r.submittedAt) }),
              cell: (r) => formatAge(r.submittedAt, now),
            },
            {
              key: 'daysLeft',
              header: 'Days left',
              className: 'text-sm tabular-nums',
              cellProps: () => ({ 'data-testid': 'sla-cell' }),
              cell: (r) => <SlaCell clock={clocks.get(r.id)} />,
            },
            {
              key: 'assigned',
              header: 'Assigned',
              className: 'text-slate-600',
              cell: (r) =>
                r.assignedTo ? (
                  r.assignedTo.id === actor.id ? (
                    'You'
                  ) : (
                    r.assignedTo.name
                  )
                ) : allows('ASSIGN', r.status) && r.submittedById !== actor.id ? (
                  <AssignButton caseId={r.id} version={r.version} />
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}

      <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2">
        {filter.cursor ? (
          <Link href={`/cases${queryOf(filter)}`} className={buttonClass('ghost', 'sm')}>
            ← First page
          </Link>
        ) : (
          <span />
        )}
        <span className="text-sm text-slate-600 tabular-nums" aria-current="page">
          Page {formatNumber(pageNumber)} of {formatNumber(pageCount)}
        </span>
        {page.nextCursor ? (
          <Link href={`/cases${queryOf(filter, { cursor: page.nextCursor, page: String(pageNumber + 1) })}`} className={buttonClass('secondary', 'sm')}>
            Next page →
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
