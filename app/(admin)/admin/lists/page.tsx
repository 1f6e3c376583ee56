// Restricted-party lists: the lists in the draft (code, source, as-of, entries), uploads with their
// progress, and the diff of an upload against the active version (counts and a searchable,
// paginated table) before anything is applied to the draft.
import Link from 'next/link';
import { formatCount, formatDate, formatNumber } from '@/lib/format';
import { requireRole } from '@/lib/authz';
import { findVersionIds, getVersionDetail } from '@/lib/data/admin-rulesets';
import { MAX_UPLOAD_BYTES, diffEntries, getUpload, listUploads, listsOfVersion, uploadWarning, type TDiffChange } from '@/lib/data/party-lists';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { DataTable } from '@/components/ui/data-table';
import { Pagination } from '@/components/ui/pagination';
import { ListUpload } from '@/components/admin/list-upload';
import { VersionStatusBadge, formatDateTime } from '@/components/admin/version-badge';
import { createDraftAction } from '../rules/actions';
import { applyUploadAction } from './actions';

type TSearch = Promise<{ upload?: string; code?: string; q?: string; change?: string; page?: string; applied?: string; error?: string }>;

const section = 'rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6';
const h2 = 'text-lg font-semibold text-slate-900';
const CHANGES: { value: TDiffChange | ''; label: string }[] = [
  { value: '', label: 'All changes' },
  { value: 'ADDED', label: 'Added' },
  { value: 'REMOVED', label: 'Removed' },
  { value: 'CHANGED', label: 'Changed' },
];

export default async function AdminListsPage({ searchParams }: { searchParams: TSearch }) {
  const user = await requireRole('ADMIN');
  const sp = await searchParams;
  const { activeId, draftId } = await findVersionIds(user);
  if (!activeId) return <EmptyState title="No rule set yet">Run the seed (npm run db:seed) to load the reference lists.</EmptyState>;
  const shownId = draftId ?? activeId;
  const [version, lists, activeLists, uploads] = await Promise.all([
    getVersionDetail(user, shownId),
    listsOfVersion(user, shownId),
    listsOfVersion(user, activeId),
    draftId ? listUploads(user, draftId) : Promise.resolve([]),
  ]);
  const activeByCode = new Map(activeLists.map((l) => [l.code, l.id]));
  const upload = sp.upload ? await getUpload(user, sp.upload) : null;
  const uploadLists = upload?.result?.lists ?? [];
  const selected = uploadLists.find((l) => l.code === sp.code) ?? uploadLists[0] ?? null;
  const change = CHANGES.some((c) => c.value === sp.change && c.value !== '') ? (sp.change as TDiffChange) : null;
  const page = Math.max(1, Number(sp.page) || 1);
  const diff = selected ? await diffEntries(user, selected.partyListId, selected.activeListId, { q: sp.q, change, page, pageSize: 25 }) : null;
  const applied = !!upload?.result?.appliedAt;
  const warning = upload?.status === 'SUCCEEDED' ? uploadWarning(uploadLists) : null;
  const canApply = !!draftId && upload?.status === 'SUCCEEDED' && !applied && upload?.result && draftId === version.id;

  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Restricted-party lists</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-slate-600">
            Lists in version <span className="font-mono font-medium text-slate-900">{version.label}</span> <VersionStatusBadge status={version.status} />
          </p>
        </div>
        <ButtonLink href="/admin/rules" variant="ghost" size="sm">
          Rules, preview and publish →
        </ButtonLink>
      </header>

      <section className={section} aria-labelledby="lists-h">
        <h2 id="lists-h" className={h2}>
          {draftId ? 'Lists in the draft' : 'Lists in the active version'}
        </h2>
        <DataTable
          cards="md"
          className="mt-4"
          testId="draft-lists"
          rows={lists}
          rowKey={(l) => l.id}
          columns={[
            {
              key: 'list',
              header: 'List',
              cell: (l) => (
                <>
                  <span className="font-mono text-xs text-slate-500">{l.code}</span>
                  <br />
                  <span className="font-medium text-slate-900">{l.name}</span>
                </>
              ),
            },
            { key: 'source', header: 'Source', className: 'max-w-sm [overflow-wrap:anywhere] text-slate-600', cell: (l) => l.source },
            { key: 'asOf', header: 'As of', className: 'whitespace-nowrap tabular-nums', cell: (l) => l.asOf },
            { key: 'entries', header: 'Entries', headerClassName: 'text-right', className: 'text-right tabular-nums', cell: (l) => formatNumber(l.entryCount) },
            !!draftId && {
              key: 'compared',
              header: 'Compared with active',
              cell: (l) =>
                activeByCode.get(l.code) === l.id ? <span className="text-slate-500">Same as active</span> : <Badge tone="indigo">Updated in draft</Badge>,
            },
          ]}
        />
      </section>

      {draftId ? (
        <section className={section} aria-labelledby="upload-h">
          <h2 id="upload-h" className={h2}>
            Upload a new list version
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            OFAC SDN in OFAC’s legacy CSV (sdn.csv), an Entity List JSON extract, the Denied Persons List (tab-separated) or a simple CSV with the columns name,
            aliases (separated by ;), country, list, licence policy. You see the differences before anything is applied; a malformed file changes nothing.
          </p>
          <div className="mt-5">
            <ListUpload draftId={draftId} maxBytes={MAX_UPLOAD_BYTES} />
          </div>
          {uploads.length ? (
            <div className="mt-6">
              <h3 className="text-sm font-semibold text-slate-900">Recent uploads to this draft</h3>
              <ul className="mt-2 divide-y divide-slate-100 text-sm">
                {uploads.map((u) => (
                  <li key={u.jobId} className="flex flex-wrap items-center gap-3 py-2">
                    <Link href={`/admin/lists?upload=${u.jobId}`} className="font-medium text-indigo-700 hover:underline">
                      {u.fileName || 'upload'}
                    </Link>
                    <span className="text-slate-500">{formatDateTime(u.createdAt)}</span>
                    {u.status === 'SUCCEEDED' ? (
                      u.result?.appliedAt ? (
                        <Badge tone="green">Applied</Badge>
                      ) : (
                        <Badge tone="indigo">Ready to review</Badge>
                      )
                    ) : u.status === 'FAILED' ? (
                      <Badge tone="red">Refused</Badge>
                    ) : (
                      <Badge tone="slate">In progress</Badge>
                    )}
                    {u.status === 'FAILED' && u.error ? <span className="text-red-700">{u.error}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : (
        <section className={`${section} flex flex-wrap items-center justify-between gap-4`}>
          <div>
            <h2 className={h2}>The active version is read-only</h2>
            <p className="mt-1 text-sm text-slate-600">
              Create a draft to upload a new list version. Screening keeps using the active lists until you publish.
            </p>
          </div>
          <form action={createDraftAction}>
            <Button type="submit">Create a draft</Button>
          </form>
        </section>
      )}

      {upload ? (
        <section className={section} aria-labelledby="diff-h" data-testid="upload-diff">
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div>
              <h2 id="diff-h" className={h2}>
                Differences: {upload.fileName || 'upload'}
              </h2>
              <p className="mt-1 text-sm text-slate-600">Compared with the list of the same code in the active version, by entry id and content.</p>
            </div>
            {canApply && warning?.kind === 'IDENTICAL' ? (
              <p className="text-sm text-slate-600" data-testid="nothing-to-apply">
                Nothing to apply
              </p>
            ) : canApply ? (
              <form action={applyUploadAction}>
                <input type="hidden" name="draftId" value={draftId!} />
                <input type="hidden" name="jobId" value={upload.jobId} />
                {/* an older file is not the thing to apply: Apply is then a secondary action (an identical one is not offered) */}
                <Button type="submit" variant={warning ? 'secondary' : 'primary'}>
                  {warning?.kind === 'OLDER' ? 'Apply the older file anyway' : 'Apply to the draft'}
                </Button>
              </form>
            ) : applied ? (
              <Badge tone="green" size="lg">
                Applied to the draft
              </Badge>
            ) : null}
          </div>
          {warning && !applied ? (
            <p
              role={warning.kind === 'OLDER' ? 'alert' : 'status'}
              data-testid="upload-warning"
              className={`mt-3 rounded-md px-3 py-2 text-sm ring-1 ${warning.kind === 'OLDER' ? 'bg-amber-50 text-amber-900 ring-amber-300' : 'bg-slate-50 text-slate-700 ring-slate-200'}`}
            >
              {warning.kind === 'OLDER' ? <strong className="font-semibold">Older than the active list. </strong> : null}
              {warning.message}
            </p>
          ) : null}
          {sp.applied ? (
            <p role="status" className="mt-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
              Applied. Preview the impact and publish from the Rules page.
            </p>
          ) : null}
          {sp.error ? (
            <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
              {sp.error}
            </p>
          ) : null}
          {upload.status === 'FAILED' ? (
            <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
              {upload.error}
            </p>
          ) : null}

          {uploadLists.length > 1 ? (
            <nav aria-label="Lists in this upload" className="mt-4 flex flex-wrap gap-2">
              {uploadLists.map((l) => (
                <ButtonLink
                  key={l.code}
                  size="sm"
                  variant={l.code === selected?.code ? 'primary' : 'secondary'}
                  href={`/admin/lists?upload=${upload.jobId}&code=${l.code}`}
                >
                  {l.code}
                </ButtonLink>
              ))}
            </nav>
          ) : null}

          {selected && diff ? (
            <>
              <p className="mt-4 text-sm text-slate-700">
                <span className="font-mono">{selected.code}</span> · {selected.name} · as of {formatDate(selected.asOf)} ·{' '}
                {formatCount(selected.entryCount, 'entry', 'entries')}
                {selected.activeListId ? '' : ' · a new list (not in the active version)'}
              </p>
              <dl className="mt-4 grid max-w-2xl grid-cols-3 gap-2 sm:gap-4" data-testid="diff-counts">
                {/* red for new restrictions, green for lifted ones: not for an older file, whose "removed" entries are the newer data it would drop */}
                {(
                  [
                    ['Added', selected.counts.added, warning?.kind === 'OLDER' ? 'text-slate-900' : 'text-red-700'],
                    ['Removed', selected.counts.removed, warning?.kind === 'OLDER' ? 'text-amber-800' : 'text-emerald-700'],
                    ['Changed', selected.counts.changed, warning?.kind === 'OLDER' ? 'text-slate-900' : 'text-amber-700'],
                  ] as const
                ).map(([label, n, tone]) => (
                  <div key={label} className="rounded-md border border-slate-200 px-3 py-3 sm:px-4">
                    <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
                    <dd className={`mt-1 text-2xl font-semibold tabular-nums ${tone}`} data-testid={`diff-${label.toLowerCase()}`}>
                      {formatNumber(n)}
                    </dd>
                  </div>
                ))}
              </dl>
              <form key={`${sp.q ?? ''}|${change ?? ''}|${upload.jobId}`} className="mt-6 flex flex-wrap items-end gap-3" action="/admin/lists" role="search">
                <input type="hidden" name="upload" value={upload.jobId} />
                <input type="hidden" name="code" value={selected.code} />
                <label className="text-sm text-slate-700">
                  <span className="block font-medium">Search entries</span>
                  <input
                    name="q"
                    defaultValue={sp.q ?? ''}
                    placeholder="Name, alias or id"
                    className="mt-1 w-72 max-w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
                  />
                </label>
                <label className="text-sm text-slate-700">
                  <span className="block font-medium">Show</span>
                  <select name="change" defaultValue={change ?? ''} className="mt-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm">
                    {CHANGES.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                </label>
                <Button type="submit" variant="secondary" size="sm">
                  Search
                </Button>
              </form>
              <DataTable
                cards="md"
                look="framed"
                caption="Entries added, removed or changed"
                region="Differences table"
                wrapperClassName="mt-4"
                cellClassName="py-2.5"
                testId="diff-table"
                rows={diff.rows}
                rowKey={(r) => `${r.change}-${r.externalId}`}
                empty="No differences match."
                columns={[
                  {
                    key: 'change',
                    header: 'Change',
                    cell: (r) =>
                      r.change === 'ADDED' ? (
                        <Badge tone="red">Added</Badge>
                      ) : r.change === 'REMOVED' ? (
                        <Badge tone={warning?.kind === 'OLDER' ? 'amber' : 'green'}>Removed</Badge>
                      ) : (
                        <Badge tone="amber">Changed</Badge>
                      ),
                  },
                  { key: 'id', header: 'Id', className: 'font-mono text-xs text-slate-600', cell: (r) => r.externalId },
                  {
                    key: 'name',
                    header: 'Name and aliases',
                    cell: (r) => (
                      <>
                        <span className="font-medium text-slate-900">{r.name}</span>
                        {r.previousName ? <p className="text-xs text-slate-500">was {r.previousName}</p> : null}
                        {r.aliases.length ? (
                          <p className="text-xs text-slate-500">
                            a.k.a. {r.aliases.slice(0, 4).join('; ')}
                            {r.aliases.length > 4 ? ` (+${r.aliases.length - 4})` : ''}
                          </p>
                        ) : null}
                      </>
                    ),
                  },
                  { key: 'countries', header: 'Countries', className: 'font-mono text-xs text-slate-700', cell: (r) => r.countries.join(', ') || '—' },
                  { key: 'programs', header: 'Programs', className: 'text-xs text-slate-700', cell: (r) => r.programs.join(', ') || '—' },
                ]}
              />
              <Pagination
                page={diff.page}
                pageSize={diff.pageSize}
                total={diff.total}
                basePath="/admin/lists"
                params={{ upload: upload.jobId, code: selected.code, q: sp.q, change: change ?? undefined }}
              />
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
