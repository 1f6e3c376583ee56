// One application as its exporter sees it: status and outcome in words, the findings that concern
// the exporter (message, citation, basis), the data's as-of dates, the timeline, and the officer's
// question with a way to answer, edit and resubmit. Never internal notes (not even selected).
import { ApplicationSummary } from '@/components/applications/application-summary';
import { allows } from '@/lib/workflow';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireRole } from '@/lib/authz';
import { getApplicationForExporter, type TExporterApplication } from '@/lib/data/applications';
import { AppError } from '@/lib/errors';
import { countryName } from '@/lib/countries';
import { datasetLabel, OUTCOME_LABEL } from '@/lib/labels';
import { draftDataFrom } from '@/lib/validation/application';
import { OutcomeBadge, StatusBadge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { formatCount, formatDate, formatDateTime, formatMoney, formatNumber } from '@/lib/format';
import { AnswerForm } from '@/components/applications/answer-form';
import { DecisionBanner, licenceWords, stateWords } from '@/components/applications/decision-banner';
import { CopyForm, DeleteDraftForm, WithdrawForm } from '@/components/applications/lifecycle-forms';
import {
  BASIS_LABEL,
  itemRegimeWords,
  DECISION_LABEL,
  KIND_LABEL as FINDING_KIND_LABEL,
  labelOf,
  MATCHING_MODE_LABEL,
  MODALITY_LABEL,
  PRODUCT_KIND_LABEL,
  TRIGGER_LABEL,
} from '@/lib/labels';

export const metadata: Metadata = { title: 'Application' };

const Time = ({ at }: { at: Date }) => <time dateTime={at.toISOString()}>{formatDateTime(at)}</time>;

const OUTCOME_EXPLAINED = {
  CLEAR: 'No rule flagged this export. A compliance officer still reviews it before it is approved.',
  REVIEW: 'Something needs a closer look by a compliance officer before a decision.',
  LICENSE_REQUIRED: 'A licence is required for this export. A compliance officer reviews the case.',
  PROHIBITED: 'The rules prohibit this export as described. A compliance officer reviews the case.',
} as const;

// Once decided (or withdrawn) the screening is history: say what it found, not what happens next.
const OUTCOME_FOUND = {
  CLEAR: 'The screening found nothing that restricts this export.',
  REVIEW: 'The screening asked for a closer look by a compliance officer.',
  LICENSE_REQUIRED: 'The screening found that a licence is required for at least one item; the decision says whether one is recorded.',
  PROHIBITED: 'The screening found that the rules prohibit at least one item as described.',
} as const;

const FINDING_BORDER = {
  CLEAR: 'border-l-emerald-500',
  REVIEW: 'border-l-amber-500',
  LICENSE_REQUIRED: 'border-l-orange-500',
  PROHIBITED: 'border-l-red-600',
} as const;

type TTimelineItem = { at: Date; title: string; body?: ReactNode };

function timelineOf(app: TExporterApplication): TTimelineItem[] {
  const items: TTimelineItem[] = [{ at: app.createdAt, title: 'Application started' }];
  // A re-screen under new rules that changes nothing the exporter sees (same outcome, same findings) is not news.
  const seen = (run: TExporterApplication['runs'][number]) =>
    `${run.outcome}\u0000${run.findings
      .map((f) => `${f.outcome}\u0001${f.message}`)
      .sort()
      .join('\u0000')}`;
  let previous: string | null = null;
  for (const run of app.runs) {
    const now = seen(run);
    const unchanged = run.trigger === 'RESCREEN' && previous === now;
    previous = now;
    if (unchanged) continue;
    if (run.trigger === 'SUBMIT' || run.trigger === 'RESUBMIT')
      items.push({ at: run.createdAt, title: run.trigger === 'SUBMIT' ? 'Submitted' : 'Resubmitted' });
    items.push({
      at: run.createdAt,
      title: `${labelOf(TRIGGER_LABEL, run.trigger)}: ${OUTCOME_LABEL[run.outcome]}`,
      body: `Rule set ${run.ruleSetLabel}, ${formatCount(run.findings.length, 'finding')}`,
    });
  }
  for (const d of app.decisions) {
    items.push({
      at: d.countersignedAt ?? d.createdAt,
      title: labelOf(DECISION_LABEL, d.type),
      // A request's text is the question itself, shown once below as "Question from …".
      body:
        [
          d.type === 'REQUEST_INFO' ? null : d.message,
          d.reason,
          d.conditions ? `Conditions: ${d.conditions}` : null,
          d.licenseReference ? `Licence ${d.licenseReference}${d.licenseExpiresAt ? `, valid until ${formatDate(d.licenseExpiresAt)}` : ''}` : null,
        ]
          .filter(Boolean)
          .join(' · ') || undefined,
    });
  }
  for (const m of app.messages) {
    items.push({
      at: m.createdAt,
      title: m.kind === 'QUESTION' ? `Question from ${m.authorName}` : `Answer from ${m.authorName}`,
      body: <span className="whitespace-pre-line">{m.body}</span>,
    });
  }
  return items.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function Card({ title, children, className = '' }: { title: string; children: ReactNode; className?: string }) {
  const hid = `${title.replace(/\W+/g, '-').toLowerCase()}-h`;
  return (
    <section aria-labelledby={hid} className={`rounded-lg border border-slate-200 bg-white p-6 shadow-sm ${className}`}>
      <h2 id={hid} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      <div className="mt-4">{children}</div>
    </section>
  );
}

function FindingList({ findings }: { findings: TExporterApplication['runs'][number]['findings'] }) {
  return (
    <ul className="space-y-3">
      {findings.map((f, i) => (
        <li
          key={`${f.ruleId}-${i}`}
          className={`rounded-md border border-l-4 border-slate-200 ${FINDING_BORDER[f.outcome]} bg-white p-4`}
          data-testid="finding"
        >
          <div className="flex flex-wrap items-center gap-2">
            <OutcomeBadge outcome={f.outcome} />
            <span className="text-xs font-medium tracking-wide text-slate-500 uppercase">{labelOf(FINDING_KIND_LABEL, f.kind)}</span>
            <span className="text-xs text-slate-500">· {labelOf(BASIS_LABEL, f.basis)}</span>
          </div>
          <p className="mt-2 text-sm text-slate-900">{f.message}</p>
          <p className="mt-1 text-xs text-slate-600">
            <span className="font-medium">Citation:</span> <cite className="not-italic">{f.citation}</cite>
          </p>
          {f.licensePolicy ? (
            <p className="mt-0.5 text-xs text-slate-600">
              <span className="font-medium">Licensing policy:</span> {f.licensePolicy}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function LineItemsTable({ items, decided, regimes }: { items: TExporterApplication['lineItems']; decided: boolean; regimes: (string | null)[] }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">No line items yet.</p>;
  return (
    <DataTable
      cards="sm"
      caption={`Line items with their screening outcome${decided ? ' and decision' : ''}`}
      region="Line items table"
      wrapperClassName="-mx-2"
      headCellClassName="px-2 py-2 last:pr-2"
      cellClassName="px-2 py-2 last:pr-2"
      testId="line-items"
      rows={items}
      rowKey={(item) => item.position}
      rowProps={() => ({ 'data-testid': 'line-item-row' })}
      columns={[
        { key: 'position', header: '#', className: 'text-slate-600', cell: (item) => item.position + 1 },
        {
          key: 'product',
          header: 'Product',
          cell: (item) => (
            <>
              <span className="font-medium text-slate-900">{item.name || '—'}</span>
              <span className="block text-xs text-slate-500">
                {labelOf(PRODUCT_KIND_LABEL, item.kind)}
                {item.biometric
                  ? ` · ${labelOf(MODALITY_LABEL, item.biometric.modality)}, ${labelOf(MATCHING_MODE_LABEL, item.biometric.matchingMode)}${item.biometric.liveVideo ? ', live video' : ''}`
                  : ''}
              </span>
            </>
          ),
        },
        {
          key: 'eccn',
          header: 'ECCN',
          cell: (item) => (
            <>
              <span className="font-mono">{item.eccn ?? 'Not classified'}</span>
              {regimes[item.position] ? (
                <span className="block text-xs text-slate-600" data-testid="item-regimes">
                  {regimes[item.position]}
                </span>
              ) : null}
            </>
          ),
        },
        {
          key: 'quantity',
          header: 'Quantity × unit value',
          label: 'Quantity × value (USD)',
          headerClassName: 'text-right',
          className: 'text-right whitespace-nowrap tabular-nums',
          cell: (item) => (
            <>
              {formatNumber(item.quantity)} × {formatMoney(item.unitValueUsd)}
            </>
          ),
        },
        { key: 'outcome', header: 'Outcome', cell: (item) => <OutcomeBadge outcome={item.outcome} /> },
        decided && {
          key: 'decision',
          header: 'Decision',
          cellProps: () => ({ 'data-testid': 'item-decision' }),
          cell: (item) =>
            item.decision?.type === 'APPROVE' ? (
              <>
                <span className="font-medium text-emerald-800">Approved</span>
                <span className="block text-xs text-slate-600">{licenceWords(item)}</span>
                {item.decision.conditions ? <span className="block text-xs text-slate-600">Conditions: {item.decision.conditions}</span> : null}
              </>
            ) : item.decision?.type === 'DENY' ? (
              <>
                <span className="font-medium text-red-800">Refused</span>
                {item.decision.reason ? <span className="block text-xs text-slate-600">{item.decision.reason}</span> : null}
              </>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('EXPORTER');
  const { id } = await params;
  const app = await getApplicationForExporter(actor, id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const data = draftDataFrom(app.data);
  const run = app.latestRun;
  const decided = app.status === 'APPROVED' || app.status === 'APPROVED_IN_PART' || app.status === 'DENIED';
  const withdrawable = allows('WITHDRAW', app.status);
  const shared = run ? run.findings.filter((f) => f.lineItem === undefined) : [];
  const many = app.lineItems.length > 1;
  const editable = app.status === 'DRAFT' || app.status === 'INFO_REQUESTED';
  // While information is requested: the latest question, and the exporter's answer to it if any.
  const question = app.status === 'INFO_REQUESTED' ? app.messages.filter((m) => m.kind === 'QUESTION').at(-1) : undefined;
  const infoRequest = question ? { question, answer: app.messages.find((m) => m.kind === 'ANSWER' && m.createdAt >= question.createdAt) } : null;

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href="/applications" className="hover:underline">
            Applications
          </Link>{' '}
          / <span className="font-mono">{app.reference}</span>
        </p>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-4">
          <h1 className="text-2xl font-semibold tracking-tight">{app.productName}</h1>
          <div className="flex flex-wrap items-start gap-2">
            {decided ? (
              <a
                href={`/cases/${app.id}/record.pdf`}
                className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
              >
                Download decision record (PDF)
              </a>
            ) : null}
            {editable ? (
              <ButtonLink href={`/applications/${app.id}/edit`} variant={app.status === 'INFO_REQUESTED' ? 'primary' : 'secondary'}>
                {app.status === 'INFO_REQUESTED' ? 'Edit and resubmit' : 'Continue editing'}
              </ButtonLink>
            ) : null}
            {app.status === 'DRAFT' ? null : <CopyForm id={app.id} />}
          </div>
        </div>
        <p className="mt-1 text-sm text-slate-600">
          <span className="font-mono">{app.reference}</span>
          {app.destinationCountry ? <> · to {countryName(app.destinationCountry)}</> : null}
          {app.submittedAt ? (
            <>
              {' '}
              · submitted <Time at={app.submittedAt} />
            </>
          ) : null}
          {app.copiedFrom ? (
            <>
              {' '}
              · copied from{' '}
              <Link href={`/applications/${app.copiedFrom.id}`} className="font-mono text-indigo-700 hover:underline">
                {app.copiedFrom.reference}
              </Link>
            </>
          ) : null}
        </p>
        {app.copies.length ? (
          <p className="mt-1 text-sm text-slate-600">
            Copied into{' '}
            {app.copies.map((c, i) => (
              <span key={c.id}>
                {i ? ', ' : ''}
                <Link href={`/applications/${c.id}`} className="font-mono text-indigo-700 hover:underline">
                  {c.reference}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
      </div>

      <DecisionBanner app={app} />

      <section aria-label="Status and outcome" className="grid gap-4 sm:grid-cols-[1fr_2fr]">
        <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Status</p>
          <div className="mt-2">
            <StatusBadge status={app.status} size="lg" testId="application-status" />
          </div>
          <p className="mt-2 text-sm text-slate-600" data-testid="status-words">
            {stateWords(app)}
          </p>
          {app.status === 'WITHDRAWN' && app.withdrawalReason ? (
            <p className="mt-1 text-sm text-slate-600">
              <span className="font-medium">Your reason:</span> {app.withdrawalReason}
            </p>
          ) : null}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Screening outcome</p>
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <OutcomeBadge outcome={app.outcome} size="lg" testId="application-outcome" />
            {app.outcome ? (
              <p className="text-sm text-slate-600">{decided || app.status === 'WITHDRAWN' ? OUTCOME_FOUND[app.outcome] : OUTCOME_EXPLAINED[app.outcome]}</p>
            ) : (
              <p className="text-sm text-slate-600">Not submitted yet.</p>
            )}
          </div>
        </div>
      </section>

      {infoRequest ? (
        <section aria-labelledby="question-h" className="rounded-lg border border-sky-300 bg-sky-50 p-6">
          <h2 id="question-h" className="text-base font-semibold text-sky-950">
            The compliance officer asks
          </h2>
          <blockquote className="mt-2 border-l-4 border-sky-400 pl-4 text-sm whitespace-pre-line text-slate-900" data-testid="open-question">
            {infoRequest.question.body}
          </blockquote>
          <p className="mt-1 text-xs text-slate-600">
            {infoRequest.question.authorName}, <Time at={infoRequest.question.createdAt} />
          </p>
          {infoRequest.answer ? (
            <div className="mt-4" data-testid="your-answer">
              <p className="text-sm font-medium text-emerald-900" role="status">
                Answer sent.
              </p>
              <blockquote className="mt-1 border-l-4 border-emerald-400 pl-4 text-sm whitespace-pre-line text-slate-900">{infoRequest.answer.body}</blockquote>
              <p className="mt-1 text-xs text-slate-600">
                You, <Time at={infoRequest.answer.createdAt} />
              </p>
            </div>
          ) : (
            <div className="mt-4">
              <AnswerForm applicationId={app.id} />
            </div>
          )}
          <p className="mt-4 text-sm text-slate-700">
            {infoRequest.answer ? 'The case goes back to the officer when you resubmit it. ' : 'If the application itself needs changing, '}
            <Link href={`/applications/${app.id}/edit`} className="font-medium text-indigo-700 underline">
              edit it and Resubmit
            </Link>
            : it is screened again, and both screenings stay in its history.
          </p>
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card title="Findings">
            {!run ? (
              <p className="text-sm text-slate-600">The application has not been screened yet. Submit it to see what the rules say.</p>
            ) : run.findings.length === 0 ? (
              <p className="text-sm text-slate-600">No rule raised anything for this export.</p>
            ) : (
              <div className="space-y-5">
                {shared.length ? (
                  <div>
                    {many ? <h3 className="mb-2 text-sm font-semibold text-slate-900">The whole application (every item)</h3> : null}
                    <FindingList findings={shared} />
                  </div>
                ) : null}
                {app.lineItems.map((item) =>
                  item.findings.length ? (
                    <div key={item.position}>
                      <h3 className="mb-2 text-sm font-semibold text-slate-900">
                        Line item {item.position + 1}: {item.name}
                      </h3>
                      <FindingList findings={item.findings} />
                    </div>
                  ) : null,
                )}
              </div>
            )}
            {run ? (
              <div className="mt-5 border-t border-slate-200 pt-4 text-xs text-slate-600">
                <p>
                  Screened <Time at={run.createdAt} /> against rule set <span className="font-mono">{run.ruleSetLabel}</span>. Data as of:
                </p>
                <ul className="mt-1 grid gap-x-6 gap-y-0.5 sm:grid-cols-2" aria-label="Data as-of dates">
                  {run.datasets.map((d) => (
                    <li key={`${d.kind}-${d.source}`}>
                      <span className="font-medium text-slate-700">{datasetLabel(d.kind)}</span>: {formatDate(d.asOf, d.asOf)}
                    </li>
                  ))}
                </ul>
                <p className="mt-2 text-slate-500">This screening supports compliance decisions; it is not legal advice.</p>
              </div>
            ) : null}
          </Card>

          <Card title="Line items">
            <LineItemsTable items={app.lineItems} decided={decided} regimes={data.lineItems.map(itemRegimeWords)} />
          </Card>

          <Card title="Application details">
            <ApplicationSummary data={data} />
          </Card>

          {withdrawable || allows('DELETE_DRAFT', app.status) ? (
            <section aria-label="Withdraw or delete" className="flex flex-wrap items-start gap-3">
              {withdrawable ? <WithdrawForm id={app.id} version={app.version} /> : null}
              {allows('DELETE_DRAFT', app.status) ? <DeleteDraftForm id={app.id} version={app.version} /> : null}
            </section>
          ) : null}
        </div>

        <Card title="Timeline" className="h-fit min-w-0">
          <ol className="relative space-y-5 border-l border-slate-200 pl-5">
            {timelineOf(app).map((item, i) => (
              <li key={i} className="relative">
                <span
                  aria-hidden
                  className="absolute top-1 -left-[1.6rem] h-2.5 w-2.5 rounded-full border-2 border-white bg-indigo-500 ring-1 ring-indigo-200"
                />
                <p className="text-sm font-medium text-slate-900">{item.title}</p>
                <p className="text-xs text-slate-500">
                  <Time at={item.at} />
                </p>
                {item.body ? <div className="mt-1 text-sm text-slate-700">{item.body}</div> : null}
              </li>
            ))}
          </ol>
          {app.runs.length > 1 ? (
            <div className="mt-5 border-t border-slate-200 pt-4">
              <h3 className="text-sm font-semibold text-slate-900">Screenings</h3>
              <ul className="mt-2 space-y-1 text-sm" aria-label="Screening history">
                {app.runs.map((r) => (
                  <li key={r.id} className="flex items-center justify-between gap-2">
                    <span className="text-slate-600">
                      <Time at={r.createdAt} />
                    </span>
                    <OutcomeBadge outcome={r.outcome} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
