// The organisation's applications: filter by status, search by product or reference, paginated.
import Link from 'next/link';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/authz';
import { listApplicationsForExporter } from '@/lib/data/applications';
import { countryName } from '@/lib/countries';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { OutcomeBadge, StatusBadge, type TStatusCode } from '@/components/ui/badge';
import { STATUS_LABEL } from '@/lib/labels';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { inputClass } from '@/components/ui/field';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Applications' };

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole('EXPORTER');
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const status = one(sp.status);
  const validStatus = status && status in STATUS_LABEL ? (status as TStatusCode) : undefined;
  const q = one(sp.q)?.slice(0, 100) ?? '';
  const page = Math.max(1, Number.parseInt(one(sp.page) ?? '1', 10) || 1);
  const { rows, total, pageSize } = await listApplicationsForExporter(actor, { status: validStatus, q, page, pageSize: 20 });
  const filtered = !!validStatus || q !== '';

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Applications</h1>
          <p className="mt-1 text-sm text-slate-600">Your organisation’s export applications, most recent activity first.</p>
        </div>
        <ButtonLink href="/applications/new">New application</ButtonLink>
      </div>

      <form
        method="get"
        role="search"
        aria-label="Filter applications"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <div className="min-w-0 flex-1 basis-64">
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Reference, product, ECCN or party"
            className={`${inputClass} mt-1.5 border-slate-300`}
          />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium text-slate-800">
            Status
          </label>
          <select id="status" name="status" defaultValue={validStatus ?? ''} className={`${inputClass} mt-1.5 border-slate-300`}>
            <option value="">All statuses</option>
            {Object.entries(STATUS_LABEL).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          Filter
        </button>
        {filtered ? (
          <Link href="/applications" className="py-2 text-sm text-indigo-700 underline">
            Clear filters
          </Link>
        ) : null}
      </form>

      {rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No applications match">Try another search or status, or clear the filters.</EmptyState>
        ) : (
          <EmptyState title="No applications yet" action={<ButtonLink href="/applications/new">Start an application</ButtonLink>}>
            Describe the product, where it goes and who uses it. You can save a draft at any time; when you submit, Clearance screens it against the export
            rules and restricted-party lists and sends it to a compliance officer.
          </EmptyState>
        )
      ) : (
        // six columns: stacked cards below 1024 px, so nothing is cut off at tablet width
        <DataTable
          cards="lg"
          look="framed"
          align="middle"
          caption="Applications"
          wrapperClassName="overflow-hidden shadow-sm"
          headCellClassName="py-3"
          rows={rows}
          rowKey={(row) => row.id}
          rowProps={() => ({ className: 'hover:bg-slate-50' })}
          footer={
            <div className="border-t border-slate-200 px-4">
              <Pagination page={page} pageSize={pageSize} total={total} basePath="/applications" params={{ status: validStatus, q: q || undefined }} />
            </div>
          }
          columns={[
            {
              key: 'reference',
              header: 'Reference',
              className: 'card-head font-mono text-xs whitespace-nowrap',
              cell: (row) => (
                <Link
                  href={row.status === 'DRAFT' ? `/applications/${row.id}/edit` : `/applications/${row.id}`}
                  className="font-medium text-indigo-700 hover:underline"
                >
                  {row.reference}
                </Link>
              ),
            },
            {
              key: 'product',
              header: 'Product',
              cell: (row) => (
                <>
                  <span className="font-medium text-slate-900">{row.productName}</span>
                  {row.eccn ? <span className="ml-2 font-mono text-xs text-slate-500">{row.eccn}</span> : null}
                </>
              ),
            },
            {
              key: 'destination',
              header: 'Destination',
              className: 'text-slate-700',
              cell: (row) =>
                row.destinationCountry ? (
                  <>
                    {countryName(row.destinationCountry)} <span className="font-mono text-xs text-slate-500">{row.destinationCountry}</span>
                  </>
                ) : (
                  <span className="text-slate-500">—</span>
                ),
            },
            { key: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} /> },
            {
              key: 'outcome',
              header: 'Outcome',
              cell: (row) => (row.status === 'DRAFT' ? <span className="text-slate-500">—</span> : <OutcomeBadge outcome={row.outcome} />),
            },
            {
              key: 'updated',
              header: 'Last update',
              className: 'whitespace-nowrap text-slate-600',
              cell: (row) => <time dateTime={row.updatedAt.toISOString()}>{formatDateTime(row.updatedAt)}</time>,
            },
          ]}
        />
      )}
    </div>
  );
}
