// Rules: every rule of a rule-set version in words an officer understands, the version's datasets,
// its country risk data and the version history. In a draft: edit rules and countries, preview the
// impact, publish (with a change note) and follow the re-screen that publishing starts.
import Link from 'next/link';
import { requireRole } from '@/lib/authz';
import { findVersionIds, getJobResult, getVersionDetail, latestImpactPreview, latestRescreen, listVersions } from '@/lib/data/admin-rulesets';
import type { TImpactResult, TRescreenResult } from '@/lib/jobs/rescreen';
import { FREEDOM_WORDS, describeParam, formValueOf, ruleFields } from '@/lib/validation/rules';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { DataTable } from '@/components/ui/data-table';
import { CountryEditForm } from '@/components/admin/country-edit-form';
import { ImpactTable } from '@/components/admin/impact-table';
import { JobProgress } from '@/components/admin/job-progress';
import { PublishForm } from '@/components/admin/publish-form';
import { RuleEditForm } from '@/components/admin/rule-edit-form';
import { RuleFilter } from '@/components/admin/rule-filter';
import { VersionStatusBadge, formatDateTime } from '@/components/admin/version-badge';
import { createDraftAction, startImpactPreviewAction } from './actions';
import { formatDate, formatNumber } from '@/lib/format';
import { BASIS_LABEL, KIND_LABEL, datasetLabel, labelOf, listLabel } from '@/lib/labels';

type TSearch = Promise<{ version?: string; country?: string; cq?: string; published?: string; view?: string }>;

const section = 'scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6';
const h2 = 'text-lg font-semibold text-slate-900';

export default async function AdminRulesPage({ searchParams }: { searchParams: TSearch }) {
  const user = await requireRole('ADMIN');
  const sp = await searchParams;
  const { activeId, draftId } = await findVersionIds(user);
  const versionId = sp.version ?? draftId ?? activeId;
  if (!versionId) return <EmptyState title="No rule set yet">Run the seed (npm run db:seed) to load the reference rule set.</EmptyState>;
  const [version, versions, rescreen] = await Promise.all([getVersionDetail(user, versionId), listVersions(user), latestRescreen(user)]);
  const isDraft = version.status === 'DRAFT';
  const preview = isDraft ? await latestImpactPreview(user, version.id) : null;
  const impact = preview?.job.status === 'SUCCEEDED' ? await getJobResult<TImpactResult>(user, preview.job.id) : null;
  const rescreenResult = rescreen && rescreen.status === 'SUCCEEDED' ? await getJobResult<TRescreenResult>(user, rescreen.id) : null;
  const names = version.countries.names;
  const countryName = (c: string) => names[c] ?? version.countries.chart.rows[c]?.earName ?? c;

  const cq = (sp.cq ?? '').trim().toLowerCase();
  const countryCodes = Object.keys(names)
    .filter((c) => !cq || c.toLowerCase() === cq || countryName(c).toLowerCase().includes(cq))
    .sort((a, b) => countryName(a).localeCompare(countryName(b)));
  const editCountry = isDraft && sp.country && names[sp.country.toUpperCase()] ? sp.country.toUpperCase() : null;
  const versionLink = (id: string) => `/admin/rules?version=${id}`;
  const ruleText = (rule: (typeof version.rules)[number]) =>
    [
      rule.title,
      rule.id,
      labelOf(KIND_LABEL, rule.kind),
      labelOf(BASIS_LABEL, rule.basis),
      rule.description,
      rule.citation,
      rule.licensePolicy,
      rule.enabled ? 'enabled' : 'disabled',
    ]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
  // The page is long (every rule in full): a table of contents, sticky beside the content on wide
  // screens and folded at the top on narrow ones.
  const contents = [
    ...(rescreen ? [{ href: '#rescreen-h', label: 'Re-screen' }] : []),
    ...(isDraft ? [{ href: '#draft-h', label: 'Preview and publish' }] : []),
    { href: '#datasets-h', label: 'Data sets' },
    { href: '#rules-h', label: `Rules (${version.rules.length})` },
    { href: '#countries-h', label: 'Country risk data' },
    { href: '#history-h', label: 'Version history' },
  ];
  const toc = (
    <ol className="space-y-0.5 text-sm">
      {contents.map((c) => (
        <li key={c.href}>
          <a href={c.href} className="block rounded px-2 py-1 font-medium text-slate-800 hover:bg-slate-100 hover:text-indigo-800">
            {c.label}
          </a>
          {c.href === '#rules-h' ? (
            <ol className="mb-1 ml-2 border-l border-slate-200 pl-2">
              {version.rules.map((rule) => (
                <li key={rule.id} data-rule-toc data-rule-text={ruleText(rule)}>
                  <a href={`#rule-${rule.id}`} className="block rounded px-2 py-0.5 text-slate-700 hover:bg-slate-100 hover:text-indigo-800">
                    {rule.title}
                  </a>
                </li>
              ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ol>
  );

  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Rules</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            Showing version{' '}
            <span className="font-mono font-medium text-slate-900" data-testid="version-label">
              {version.label}
            </span>
            <VersionStatusBadge status={version.status} />
            {version.asOf ? <span>· data as of {formatDate(version.asOf)}</span> : null}
          </p>
        </div>
        <nav aria-label="Versions" className="flex flex-wrap gap-2">
          {activeId ? (
            <ButtonLink href={versionLink(activeId)} variant={versionId === activeId ? 'primary' : 'secondary'} size="sm">
              Active version
            </ButtonLink>
          ) : null}
          {draftId ? (
            <ButtonLink href={versionLink(draftId)} variant={versionId === draftId ? 'primary' : 'secondary'} size="sm">
              Draft
            </ButtonLink>
          ) : null}
          <ButtonLink href="/admin/lists" variant="ghost" size="sm">
            Restricted-party lists →
          </ButtonLink>
        </nav>
      </header>

      <details className="rounded-lg border border-slate-200 bg-white px-4 py-3 lg:hidden">
        <summary className="cursor-pointer text-sm font-semibold text-slate-900">On this page</summary>
        <nav aria-label="On this page" className="mt-2">
          {toc}
        </nav>
      </details>

      <div className="lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:items-start lg:gap-8">
        <nav
          aria-label="On this page"
          className="hidden lg:sticky lg:top-4 lg:block lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white lg:p-3"
          data-testid="rules-toc"
        >
          <p className="px-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">On this page</p>
          {toc}
        </nav>
        <div className="min-w-0 space-y-8">
          {sp.published ? (
            <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-emerald-200">
              The draft is published and active. Open and decided cases are being re-screened below.
            </p>
          ) : null}

          {rescreen ? (
            <section className={section} aria-labelledby="rescreen-h">
              <h2 id="rescreen-h" className={h2}>
                Re-screen after publishing {rescreen.label ?? ''}
              </h2>
              <p className="mt-1 text-sm text-slate-600">
                Every open and decided case is screened again under the new version. Decided cases keep their decision; changed outcomes are flagged for
                officers.
              </p>
              <div className="mt-4 max-w-2xl">
                <JobProgress initial={rescreen} label="Re-screening cases" testId="rescreen-progress" />
              </div>
              {rescreenResult ? (
                <div className="mt-4 space-y-3">
                  <p className="text-sm text-slate-700" data-testid="rescreen-summary">
                    {formatNumber(rescreenResult.screened)} cases re-screened · <strong>{formatNumber(rescreenResult.changed)}</strong> changed outcome
                    {rescreenResult.skipped ? ` · ${rescreenResult.skipped} already screened under this version` : ''}
                  </p>
                  {rescreenResult.changes.length ? <ImpactTable rows={rescreenResult.changes.slice(0, 50)} caption="Cases whose outcome changed" /> : null}
                </div>
              ) : null}
            </section>
          ) : null}

          {!draftId ? (
            <section className={`${section} flex flex-wrap items-center justify-between gap-4`}>
              <div>
                <h2 className={h2}>The active version is read-only</h2>
                <p className="mt-1 text-sm text-slate-600">
                  Start a draft to change rules, country data or restricted-party lists. Screening keeps using the active version until you publish.
                </p>
              </div>
              <form action={createDraftAction}>
                <Button type="submit">Create a draft</Button>
              </form>
            </section>
          ) : null}

          {isDraft ? (
            <section className={`${section} border-indigo-200`} aria-labelledby="draft-h">
              <h2 id="draft-h" className={h2}>
                Draft: preview and publish
              </h2>
              <p className="mt-1 text-sm text-slate-600">{version.note}. Nothing in a draft affects screening until it is published.</p>
              <div className="mt-5 grid gap-8 lg:grid-cols-2">
                <div className="space-y-4">
                  <h3 className="font-semibold text-slate-900">Impact preview</h3>
                  <p className="text-sm text-slate-600">
                    Screens every open and decided case against this draft, without changing them, and lists those whose outcome would change.
                  </p>
                  <form action={startImpactPreviewAction}>
                    <input type="hidden" name="versionId" value={version.id} />
                    <Button type="submit" variant="secondary">
                      {preview ? 'Run the impact preview again' : 'Preview the impact'}
                    </Button>
                  </form>
                  {preview ? <JobProgress initial={preview.job} label="Impact preview" testId="impact-progress" /> : null}
                  {preview && preview.job.status === 'SUCCEEDED' && !preview.current ? (
                    <p className="text-sm text-amber-800">The draft changed after this preview. Run it again to see the current impact.</p>
                  ) : null}
                </div>
                <div className="space-y-4">
                  <h3 className="font-semibold text-slate-900">Publish</h3>
                  <p className="text-sm text-slate-600">
                    The active version is archived (kept for reproducing past screenings) and this draft becomes active. Cases are re-screened in the
                    background.
                  </p>
                  <PublishForm versionId={version.id} />
                </div>
              </div>
              {impact ? (
                <div className="mt-6 space-y-3" data-testid="impact-result">
                  <h3 className="font-semibold text-slate-900">
                    {impact.changes.length === 0
                      ? 'No case would change outcome'
                      : `${formatNumber(impact.changes.length)} of ${formatNumber(impact.screened)} cases would change outcome`}
                  </h3>
                  {impact.changes.length ? (
                    <ImpactTable rows={impact.changes.slice(0, 200)} caption="Cases whose outcome would change" testId="impact-table" />
                  ) : null}
                  {impact.changes.length > 200 ? <p className="text-sm text-slate-600">The first 200 are shown.</p> : null}
                </div>
              ) : null}
            </section>
          ) : null}

          <section className={section} aria-labelledby="datasets-h">
            <h2 id="datasets-h" className={h2}>
              Data sets in this version
            </h2>
            <DataTable
              cards="sm"
              align="middle"
              className="mt-4"
              rows={version.datasets}
              rowKey={(d) => d.kind}
              columns={[
                { key: 'dataset', header: 'Data set', label: null, className: 'font-medium text-slate-800', cell: (d) => datasetLabel(d.kind) },
                { key: 'source', header: 'Source', className: 'max-w-xl [overflow-wrap:anywhere] text-slate-600', cell: (d) => d.source },
                { key: 'asOf', header: 'As of', className: 'whitespace-nowrap text-slate-800 tabular-nums', cell: (d) => d.asOf },
              ]}
            />
          </section>

          <section aria-labelledby="rules-h" className="space-y-4">
            <h2 id="rules-h" className={`${h2} scroll-mt-4`}>
              Rules ({version.rules.length})
            </h2>
            <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 lg:sticky lg:top-0 lg:z-10 lg:shadow-sm">
              <RuleFilter total={version.rules.length} />
            </div>
            {version.rules.map((rule) => {
              const fields = ruleFields(rule.id, rule.params);
              return (
                <article
                  key={rule.id}
                  id={`rule-${rule.id}`}
                  className={section}
                  aria-labelledby={`rule-${rule.id}-h`}
                  data-testid={`rule-${rule.id}`}
                  data-rule-card
                  data-rule-text={ruleText(rule)}
                >
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div>
                      <h3 id={`rule-${rule.id}-h`} className="text-base font-semibold text-slate-900">
                        {rule.title}
                      </h3>
                      <p className="mt-0.5 font-mono text-xs text-slate-500">{rule.id}</p>
                    </div>
                    <div className="flex flex-wrap gap-2">
                      <Badge tone="slate">{labelOf(KIND_LABEL, rule.kind)}</Badge>
                      <Badge tone={rule.basis === 'LAW' ? 'indigo' : rule.basis === 'PROPOSED' ? 'sky' : 'slate'}>{labelOf(BASIS_LABEL, rule.basis)}</Badge>
                      {rule.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="amber">Disabled</Badge>}
                    </div>
                  </div>
                  <p className="mt-3 max-w-4xl text-sm text-slate-700">{rule.description}</p>
                  <dl className="mt-4 grid grid-cols-[minmax(0,1fr)] gap-x-8 gap-y-1 text-sm sm:grid-cols-[14rem_minmax(0,1fr)] sm:gap-y-2 [&_dd]:mb-1 [&_dd]:[overflow-wrap:anywhere] sm:[&_dd]:mb-0">
                    <dt className="text-slate-600">Citation</dt>
                    <dd className="text-slate-800">{rule.citation}</dd>
                    {rule.licensePolicy ? (
                      <>
                        <dt className="text-slate-600">Licence policy</dt>
                        <dd className="text-slate-800">{rule.licensePolicy}</dd>
                      </>
                    ) : null}
                    {fields.map((f) => (
                      <div key={f.path} className="contents">
                        <dt className="text-slate-600">{f.label}</dt>
                        <dd className="text-slate-800">
                          {f.kind.type === 'text-map' ? (
                            <details>
                              <summary className="cursor-pointer text-indigo-700">{describeParam(f, rule.params, countryName)}</summary>
                              <ul className="mt-1 space-y-0.5 text-xs">
                                {Object.entries(formValueOf(f, rule.params) as Record<string, string>).map(([k, v]) => (
                                  <li key={k}>
                                    <span className="font-medium text-slate-700">{listLabel(k)}</span> — {v}
                                  </li>
                                ))}
                              </ul>
                            </details>
                          ) : (
                            describeParam(f, rule.params, countryName)
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                  {isDraft ? (
                    <details className="mt-5 rounded-md border border-slate-200 bg-slate-50 p-4">
                      <summary className="cursor-pointer text-sm font-semibold text-indigo-700">Edit this rule</summary>
                      <div className="mt-4">
                        <RuleEditForm
                          versionId={version.id}
                          ruleId={rule.id}
                          enabled={rule.enabled}
                          fields={fields.map((spec) => ({ spec, value: formValueOf(spec, rule.params) }))}
                        />
                      </div>
                    </details>
                  ) : null}
                </article>
              );
            })}
          </section>

          <section className={section} aria-labelledby="countries-h">
            <div className="flex flex-wrap items-end justify-between gap-4">
              <div>
                <h2 id="countries-h" className={h2}>
                  Country risk data
                </h2>
                <p className="mt-1 text-sm text-slate-600">
                  Freedom House status and Country Group membership, as the biometric policy and embargo rules use them.
                </p>
              </div>
              <form className="flex flex-wrap items-end gap-2" action="/admin/rules">
                <input type="hidden" name="version" value={version.id} />
                <label className="text-sm text-slate-700">
                  <span className="block font-medium">Find a country</span>
                  <input
                    name="cq"
                    defaultValue={sp.cq ?? ''}
                    placeholder="Name or code"
                    className="mt-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
                  />
                </label>
                <Button type="submit" variant="secondary" size="sm">
                  Search
                </Button>
              </form>
            </div>
            {editCountry ? (
              <div className="mt-5 rounded-md border border-indigo-200 bg-indigo-50/40 p-4">
                <h3 className="mb-3 font-semibold text-slate-900">
                  Edit {countryName(editCountry)} ({editCountry})
                </h3>
                <CountryEditForm
                  versionId={version.id}
                  code={editCountry}
                  name={countryName(editCountry)}
                  freedom={version.countries.freedom[editCountry] ?? ''}
                  groups={(version.countries.groups.membership[editCountry] ?? []).join(', ')}
                />
              </div>
            ) : null}
            <DataTable
              cards="md"
              align="middle"
              stickyHead
              look="framed"
              region="Country risk data table (scrolls)"
              wrapperClassName="mt-4 max-h-[28rem] overflow-auto rounded-md"
              headCellClassName="py-2"
              cellClassName="py-2"
              rows={countryCodes}
              rowKey={(c) => c}
              columns={[
                {
                  key: 'country',
                  header: 'Country',
                  label: null,
                  className: 'text-slate-800',
                  cell: (c) => (
                    <>
                      {countryName(c)} <span className="font-mono text-xs text-slate-500">{c}</span>
                    </>
                  ),
                },
                {
                  key: 'freedom',
                  header: 'Freedom House',
                  cell: (c) => {
                    const status = version.countries.freedom[c];
                    return status ? (
                      <Badge tone={status === 'NF' ? 'red' : status === 'PF' ? 'amber' : 'green'}>{FREEDOM_WORDS[status]}</Badge>
                    ) : (
                      <span className="text-slate-500">Not rated</span>
                    );
                  },
                },
                {
                  key: 'groups',
                  header: 'Country Groups',
                  className: 'font-mono text-xs text-slate-700',
                  cell: (c) => (version.countries.groups.membership[c] ?? []).join(', ') || '—',
                },
                isDraft && {
                  key: 'edit',
                  header: <span className="sr-only">Edit</span>,
                  label: null,
                  className: 'md:text-right',
                  cell: (c) => (
                    <Link
                      className="text-sm font-medium text-indigo-700 hover:underline"
                      href={`/admin/rules?version=${version.id}&country=${c}${sp.cq ? `&cq=${encodeURIComponent(sp.cq)}` : ''}#countries-h`}
                    >
                      Edit<span className="sr-only"> {countryName(c)}</span>
                    </Link>
                  ),
                },
              ]}
            />
          </section>

          <section className={section} aria-labelledby="history-h">
            <h2 id="history-h" className={h2}>
              Version history
            </h2>
            <DataTable
              cards="md"
              caption="Version history"
              className="mt-4"
              bodyTestId="version-history"
              rows={versions}
              rowKey={(v) => v.id}
              columns={[
                {
                  key: 'version',
                  header: 'Version',
                  label: null,
                  cell: (v) => (
                    <Link href={versionLink(v.id)} className="font-mono font-medium text-indigo-700 hover:underline">
                      {v.label}
                    </Link>
                  ),
                },
                { key: 'status', header: 'Status', cell: (v) => <VersionStatusBadge status={v.status} /> },
                { key: 'note', header: 'Change note', className: 'max-w-md [overflow-wrap:anywhere] text-slate-700', cell: (v) => v.note },
                {
                  key: 'created',
                  header: 'Created',
                  className: 'text-slate-600',
                  cell: (v) => (
                    <>
                      {formatDateTime(v.createdAt)}
                      <br />
                      <span className="text-xs">{v.createdBy ?? 'seed'}</span>
                    </>
                  ),
                },
                {
                  key: 'published',
                  header: 'Published',
                  className: 'text-slate-600',
                  cell: (v) =>
                    v.publishedAt ? (
                      <>
                        {formatDateTime(v.publishedAt)}
                        <br />
                        <span className="text-xs">{v.publishedBy ?? 'seed'}</span>
                      </>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </section>
        </div>
      </div>
    </div>
  );
}
