// The case file: the application as submitted, findings with evidence, screening history, the
// decision panel (or the countersignature), notes, messages with the exporter and the audit trail.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { acknowledgeAction } from '@/app/(officer)/cases/actions';
import { DecisionPanel } from '@/components/cases/decision-panel';
import { ApplicationSummary } from '@/components/applications/application-summary';
import { FindingGroups } from '@/components/cases/findings';
import { RegimeColumns } from '@/components/cases/regimes';
import { datasetsOf } from '@/lib/data/json';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '@/lib/format';
import { AuditTrail, ScreeningHistory } from '@/components/cases/history';
import { AssignButton, CountersignForm, NoteForm } from '@/components/cases/small-forms';
import { Badge, OutcomeBadge, StatusBadge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { requireRole } from '@/lib/authz';
import { countryLabel } from '@/lib/countries';
import { CONSENT_LABEL, DECISION_LABEL, MATCHING_MODE_LABEL, MODALITY_LABEL, OUTCOME_LABEL, PRODUCT_KIND_LABEL, datasetLabel, labelOf } from '@/lib/labels';
import { getCaseForOfficer, type TCaseFile } from '@/lib/data/cases';
import { SlaPanel } from '@/components/cases/sla-panel';
import { requestNow } from '@/lib/clock';
import { getSlaSettings } from '@/lib/data/sla/current';
import { slaClocksFor } from '@/lib/data/sla/history';
import { allows } from '@/lib/workflow';
import { AppError } from '@/lib/errors';
import { storedApplicationInput, type TApplicationInput, type TLineItemInput } from '@/lib/validation/application';

export const metadata = { title: 'Case · Clearance' };

function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3">
      <div className="flex items-baseline justify-between">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

type TCaseItems = TCaseFile['lineItems'];

/** The items table: ECCN, quantity, value, outcome (and the decision once taken), one row per item. */
function LineItemsTable({ items }: { items: TCaseItems }) {
  const decided = items.some((i) => i.decision);
  return (
    <DataTable
      cards="md"
      look="framed"
      caption="Line items"
      region="Line items table"
      headCellClassName="px-3 py-2"
      cellClassName="px-3 py-2"
      testId="case-line-items"
      rows={items}
      rowKey={(i) => i.id}
      rowProps={() => ({ 'data-testid': 'case-line-item' })}
      columns={[
        { key: 'position', header: '#', className: 'text-slate-600', cell: (i) => i.position + 1 },
        {
          key: 'product',
          header: 'Product',
          cell: (i) => {
            const b = i.biometric as TLineItemInput['biometric'];
            return (
              <>
                <span className="font-medium text-slate-900">{i.productName}</span>
                <span className="block text-xs text-slate-500">
                  {labelOf(PRODUCT_KIND_LABEL, i.kind)}
                  {b
                    ? ` · ${labelOf(MODALITY_LABEL, b.modality)}, ${labelOf(MATCHING_MODE_LABEL, b.matchingMode)}; gallery up to ${formatNumber(b.maxGallerySize)}${b.liveVideo ? '; live video' : ''}${b.remoteGalleryAccess ? '; remote gallery access' : ''}; training data ${labelOf(CONSENT_LABEL, b.trainingDataConsent).toLowerCase()}`
                    : ''}
                </span>
                <span className="block text-xs whitespace-pre-line text-slate-600">{i.description}</span>
              </>
            );
          },
        },
        {
          key: 'eccn',
          header: 'ECCN',
          className: 'font-mono',
          cell: (i) => i.eccn ?? <span className="font-sans text-amber-700">Not classified yet</span>,
        },
        { key: 'quantity', header: 'Quantity', headerClassName: 'text-right', className: 'text-right tabular-nums', cell: (i) => formatNumber(i.quantity) },
        {
          key: 'value',
          header: 'Value',
          headerClassName: 'text-right',
          className: 'text-right whitespace-nowrap tabular-nums',
          cell: (i) => (
            <>
              {formatMoney(i.quantity * i.unitValueUsd)}
              <span className="block text-xs text-slate-500">{formatMoney(i.unitValueUsd)} each</span>
            </>
          ),
        },
        { key: 'outcome', header: 'Outcome', cell: (i) => <OutcomeBadge outcome={i.outcome} testId={`item-outcome-${i.position}`} /> },
        decided && {
          key: 'decision',
          header: 'Decision',
          className: 'text-xs',
          cellProps: () => ({ 'data-testid': 'case-item-decision' }),
          cell: (i) => (
            <>
              {i.decision ? (
                <span className={`text-sm font-medium ${i.decision.type === 'DENY' ? 'text-red-800' : 'text-emerald-800'}`}>
                  {i.decision.type === 'DENY' ? 'Refused' : 'Approved'}
                </span>
              ) : (
                '—'
              )}
              {i.decision?.reason ? <span className="block text-slate-600">{i.decision.reason}</span> : null}
              {i.decision?.conditions ? <span className="block text-slate-600">Conditions: {i.decision.conditions}</span> : null}
              {i.decision?.licenseReference ? (
                <span className="block text-slate-600">
                  Licence {i.decision.licenseReference}
                  {i.decision.licenseExpiresAt ? `, until ${formatDate(i.decision.licenseExpiresAt)}` : ''}
                </span>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}

function CaseSummary({ data }: { data: TApplicationInput }) {
  return (
    <div className="grid gap-x-8 rounded-lg border border-slate-200 bg-white px-5 py-3">
      <ApplicationSummary data={data} />
    </div>
  );
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('OFFICER', 'ADMIN');
  const { id } = await params;
  let c;
  try {
    c = await getCaseForOfficer(actor, id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  const latest = c.screeningRuns.at(-1);
  const now = await requestNow();
  const clock = (await slaClocksFor([c.id], await getSlaSettings(), now)).get(c.id);
  const data = storedApplicationInput(c.data);
  const pending = c.decisions.findLast(
    (d) => (d.type === 'APPROVE' || d.type === 'APPROVE_IN_PART') && d.lineItemPosition === null && d.requiresCountersignature && !d.countersignedAt,
  );
  const sharedFindings = latest ? latest.findings.filter((f) => f.lineItem === undefined || f.lineItem === null) : [];
  const many = c.lineItems.length > 1;
  const isSubmitter = c.submittedById === actor.id;
  const canDecide = allows('APPROVE', c.status) && !isSubmitter;
  const canClear = canDecide;
  const decided = c.status === 'APPROVED' || c.status === 'APPROVED_IN_PART' || c.status === 'DENIED';

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Link href="/cases" className="text-sm text-indigo-700 hover:underline">
          ← Review queue
        </Link>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <p className="font-mono text-sm text-slate-500">{c.reference}</p>
            <h1 className="text-2xl font-semibold text-slate-900">{c.productName}</h1>
            <p className="mt-1 text-sm text-slate-600">
              {c.organization.name} · to {countryLabel(c.destinationCountry)} · submitted {formatDateTime(c.submittedAt)} by {c.submittedBy?.name ?? '—'}
            </p>
            <p className="mt-1 text-sm">
              <a
                href={`/cases/${c.id}/bundle.zip`}
                className="font-medium text-indigo-700 underline hover:text-indigo-900"
                title="Everything about this case with its audit rows; verify offline with npm run audit:verify -- --bundle FILE"
              >
                Auditor’s bundle (zip)
              </a>
            </p>
          </div>
          <div className="flex flex-col items-start gap-2 sm:items-end">
            <div className="flex flex-wrap items-center gap-2">
              <OutcomeBadge outcome={c.outcome} size="lg" testId="case-outcome" />
              <StatusBadge status={c.status} size="lg" testId="case-status" />
            </div>
            <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600 sm:justify-end">
              <span>Assigned to {c.assignedTo ? (c.assignedTo.id === actor.id ? 'you' : c.assignedTo.name) : 'nobody'}</span>
              {allows('ASSIGN', c.status) && c.assignedTo?.id !== actor.id && !isSubmitter ? <AssignButton caseId={c.id} version={c.version} /> : null}
              <a href={`/cases/${c.id}/record.pdf`} className={buttonClass('secondary', 'sm')}>
                Decision record (PDF)
              </a>
            </div>
          </div>
        </div>
        {c.outcomeChanged ? (
          <div role="status" className="flex flex-wrap items-center justify-between gap-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3">
            <p className="text-sm text-amber-900">
              <Badge tone="amber">Outcome changed</Badge>
              <span className="ml-2">
                A re-screen under a newer rule set changed this case’s outcome
                {latest?.previousOutcome ? ` (was ${OUTCOME_LABEL[latest.previousOutcome].toLowerCase()})` : ''}. See the screening history below.
              </span>
            </p>
            <form action={acknowledgeAction}>
              <input type="hidden" name="caseId" value={c.id} />
              <Button type="submit" variant="secondary" size="sm">
                Mark as seen
              </Button>
            </form>
          </div>
        ) : null}
        {c.status === 'AWAITING_COUNTERSIGNATURE' ? (
          <p className="rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-900" data-testid="awaiting-countersignature">
            {pending?.type === 'APPROVE_IN_PART' ? 'Approved in part' : 'Approved'} by {pending?.officer.name ?? 'an officer'} — awaiting countersignature by a
            second officer.
          </p>
        ) : null}
      </div>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-8">
          <Section
            title="Findings"
            aside={
              latest ? (
                <span className="text-xs text-slate-500">
                  Latest screening · rule set {latest.ruleSetVersion.label} · {formatDateTime(latest.createdAt)}
                </span>
              ) : null
            }
          >
            {latest ? (
              <RegimeColumns
                findings={latest.findings}
                exporterCountry={c.organization.country}
                datasets={datasetsOf(latest.ruleSetVersion.datasets)}
                itemNames={c.lineItems.map((i) => i.productName)}
              />
            ) : null}
            {!latest ? (
              <p className="text-sm text-slate-500">Not screened.</p>
            ) : !many ? (
              <FindingGroups findings={latest.findings} clear={canClear ? { caseId: c.id, version: c.version } : undefined} />
            ) : (
              <div className="space-y-6">
                <div className="space-y-2" data-testid="shared-findings">
                  <h3 className="text-sm font-semibold text-slate-800">The whole application (every item)</h3>
                  {sharedFindings.length ? (
                    <FindingGroups findings={sharedFindings} clear={canClear ? { caseId: c.id, version: c.version } : undefined} />
                  ) : (
                    <p className="text-sm text-slate-500">No application-wide findings.</p>
                  )}
                </div>
                {c.lineItems.map((i) => (
                  <div key={i.id} className="space-y-2" data-testid={`item-findings-${i.position}`}>
                    <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-800">
                      Line item {i.position + 1}: {i.productName} <OutcomeBadge outcome={i.outcome} />
                    </h3>
                    {i.findings.length ? <FindingGroups findings={i.findings} /> : <p className="text-sm text-slate-500">Nothing specific to this item.</p>}
                  </div>
                ))}
              </div>
            )}
            {latest ? <DataAsOf datasets={latest.ruleSetVersion.datasets} /> : null}
          </Section>
          <Section title="Line items">
            <LineItemsTable items={c.lineItems} />
          </Section>
          <Section title="Application as submitted">
            <CaseSummary data={data} />
          </Section>
          <Section title="Screening history">
            <ScreeningHistory runs={c.screeningRuns} />
          </Section>
          {c.messages.length > 0 ? (
            <Section title="Messages with the exporter">
              <ul className="space-y-2">
                {c.messages.map((m) => (
                  <li
                    key={m.id}
                    className={`rounded-lg border px-4 py-3 text-sm ${m.kind === 'QUESTION' ? 'border-indigo-200 bg-indigo-50/50' : 'border-slate-200 bg-white'}`}
                  >
                    <p className="text-xs text-slate-500">
                      {m.kind === 'QUESTION' ? 'Question from' : 'Answer from'} {m.author.name} · {formatDateTime(m.createdAt)}
                    </p>
                    <p className="mt-1 whitespace-pre-line text-slate-900">{m.body}</p>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          <Section title="Audit trail">
            <AuditTrail events={c.audit} />
          </Section>
        </div>

        <aside className="min-w-0 space-y-6">
          <SlaPanel clock={clock} outcome={c.outcome} />
          <section aria-label="Decision" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="mb-3 text-base font-semibold text-slate-900">Decision</h2>
            {isSubmitter ? (
              <p className="text-sm text-slate-600">You submitted this application, so another officer must decide it.</p>
            ) : canDecide ? (
              <DecisionPanel
                caseId={c.id}
                version={c.version}
                outcome={c.outcome}
                canEscalate={allows('ESCALATE', c.status)}
                items={c.lineItems.map((i) => ({ position: i.position, name: i.productName, eccn: i.eccn, outcome: i.outcome }))}
              />
            ) : c.status === 'AWAITING_COUNTERSIGNATURE' ? (
              <div className="space-y-3">
                <p className="text-sm text-slate-700">This approval is awaiting countersignature.</p>
                <CountersignForm caseId={c.id} version={c.version} approvedByYou={pending?.officer.id === actor.id} />
              </div>
            ) : c.status === 'INFO_REQUESTED' ? (
              <p className="text-sm text-slate-600">Waiting for the exporter to answer and resubmit.</p>
            ) : (
              <p className="text-sm text-slate-600">{decided ? 'This case is decided.' : 'No decision can be taken in this status.'}</p>
            )}
          </section>

          {c.decisions.length > 0 ? (
            <section aria-label="Decisions" className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="mb-2 text-base font-semibold text-slate-900">Decisions</h2>
              <ol className="space-y-3">
                {c.decisions
                  .filter((d) => d.lineItemPosition === null)
                  .map((d) => (
                    <li key={d.id} className="border-l-2 border-slate-200 pl-3 text-sm">
                      <p className="font-medium text-slate-900">
                        {DECISION_LABEL[d.type]} by {d.officer.name}
                      </p>
                      <p className="text-xs text-slate-500">{formatDateTime(d.createdAt)}</p>
                      {d.conditions ? (
                        <p className="mt-1">
                          <span className="text-slate-500">Conditions:</span> {d.conditions}
                        </p>
                      ) : null}
                      {d.licenseReference ? (
                        <p>
                          <span className="text-slate-500">Licence:</span> {d.licenseReference}
                          {d.licenseExpiresAt ? `, valid until ${formatDate(d.licenseExpiresAt)}` : ''}
                        </p>
                      ) : null}
                      {d.reason ? (
                        <p className="mt-1">
                          <span className="text-slate-500">Reason:</span> {d.reason}
                        </p>
                      ) : null}
                      {d.message ? (
                        <p className="mt-1">
                          <span className="text-slate-500">Asked:</span> {d.message}
                        </p>
                      ) : null}
                      {d.note ? (
                        <p className="mt-1 text-slate-600">
                          <span className="text-slate-500">Note:</span> {d.note}
                        </p>
                      ) : null}
                      {d.requiresCountersignature ? (
                        d.countersignedBy ? (
                          <p className="mt-1 text-emerald-800">
                            Countersigned by {d.countersignedBy.name}, {formatDateTime(d.countersignedAt)}
                          </p>
                        ) : (
                          <p className="mt-1 text-indigo-800">Awaiting countersignature</p>
                        )
                      ) : null}
                    </li>
                  ))}
              </ol>
            </section>
          ) : null}

          <section aria-label="Internal notes" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 text-base font-semibold text-slate-900">Internal notes</h2>
            {c.notes.length === 0 ? (
              <p className="mb-3 text-sm text-slate-500">No notes yet.</p>
            ) : (
              <ul className="mb-4 space-y-2">
                {c.notes.map((n) => (
                  <li key={n.id} className="rounded-md bg-slate-50 px-3 py-2 text-sm">
                    <p className="whitespace-pre-line text-slate-900">{n.body}</p>
                    <p className="mt-1 text-xs text-slate-500">
                      {n.author.name} · {formatDateTime(n.createdAt)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <NoteForm caseId={c.id} />
          </section>
        </aside>
      </div>
    </div>
  );
}

/** The data sets the screening used, with their as-of dates (PRODUCT.md §6). */
function DataAsOf({ datasets }: { datasets: unknown }) {
  const list = (Array.isArray(datasets) ? datasets : []) as { kind?: string; asOf?: string; source?: string }[];
  if (list.length === 0) return null;
  return (
    <p className="text-xs text-slate-500" data-testid="data-as-of">
      Data as of:{' '}
      {list.map((d, i) => (
        <span key={`${d.kind}-${i}`} title={d.source}>
          {i > 0 ? ' · ' : ''}
          {datasetLabel(String(d.kind ?? ''))} {formatDate(d.asOf, d.asOf ?? '')}
        </span>
      ))}
      . Not legal advice.
    </p>
  );
}
