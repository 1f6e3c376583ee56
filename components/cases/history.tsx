// Screening history (every run, its rule-set version and outcome, what changed since the run before)
// and the case's audit trail.
import { OutcomeBadge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { diffFindings, isDiffEmpty } from '@/lib/cases/findings';
import { OUTCOME_LABEL, STATUS_LABEL, TRIGGER_LABEL, humanize, labelOf } from '@/lib/labels';
import type { TFinding } from '@/lib/screening/types';
import { formatCount, formatDateTime } from '@/lib/format';

type TRun = {
  id: string;
  outcome: 'CLEAR' | 'REVIEW' | 'LICENSE_REQUIRED' | 'PROHIBITED';
  previousOutcome: 'CLEAR' | 'REVIEW' | 'LICENSE_REQUIRED' | 'PROHIBITED' | null;
  trigger: string;
  createdAt: Date;
  findings: TFinding[];
  ruleSetVersion: { label: string };
};

function Changes({ before, after }: { before: TFinding[]; after: TFinding[] }) {
  const d = diffFindings(before, after);
  if (isDiffEmpty(d)) return <p className="text-xs text-slate-500">Same findings as the run before.</p>;
  const line = (sign: string, tone: string, label: string, list: TFinding[]) =>
    list.map((f, i) => (
      <li key={`${label}-${i}`} className="flex gap-2">
        <span className={`w-28 shrink-0 font-medium ${tone}`}>
          {sign} {label}
        </span>
        <span className="text-slate-700">{f.message}</span>
      </li>
    ));
  return (
    <ul className="space-y-1 text-xs">
      {line('+', 'text-orange-700', 'appeared', d.appeared)}
      {line('−', 'text-emerald-700', 'disappeared', d.disappeared)}
      {line('✓', 'text-emerald-700', 'now cleared', d.nowCleared)}
      {line('!', 'text-red-700', 'no longer cleared', d.noLongerCleared)}
      {line(
        '~',
        'text-amber-700',
        'outcome changed',
        d.changed.map((c) => c.after),
      )}
    </ul>
  );
}

export function ScreeningHistory({ runs }: { runs: TRun[] }) {
  const newestFirst = runs.map((run, i) => ({ run, before: i > 0 ? runs[i - 1]! : null })).reverse();
  return (
    <ol className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white" aria-label="Screening runs">
      {newestFirst.map(({ run, before }, i) => (
        <li key={run.id} className="px-4 py-3" data-testid="screening-run">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <span className="font-medium text-slate-900">Run {runs.length - i}</span>
            <OutcomeBadge outcome={run.outcome} />
            <span className="text-slate-600">{labelOf(TRIGGER_LABEL, run.trigger)}</span>
            <span className="text-slate-500">rule set {run.ruleSetVersion.label}</span>
            <span className="ml-auto text-slate-500">{formatDateTime(run.createdAt)}</span>
          </div>
          {before ? (
            <div className="mt-2">
              {before.outcome !== run.outcome ? (
                <p className="mb-1 text-xs text-slate-700">
                  Outcome changed from <OutcomeBadge outcome={before.outcome} /> to <OutcomeBadge outcome={run.outcome} />
                </p>
              ) : null}
              <Changes before={before.findings} after={run.findings} />
            </div>
          ) : (
            <p className="mt-1 text-xs text-slate-500">First screening: {formatCount(run.findings.length, 'finding')}.</p>
          )}
        </li>
      ))}
    </ol>
  );
}

type TAudit = { seq: bigint; createdAt: Date; action: string; actorEmail: string | null; data: unknown };

const AUDIT_LABEL: Record<string, string> = {
  APPLICATION_CREATED: 'Draft created',
  APPLICATION_DRAFT_SAVED: 'Draft saved',
  APPLICATION_SUBMITTED: 'Submitted',
  APPLICATION_RESUBMITTED: 'Resubmitted',
  SCREENING_COMPLETED: 'Screened',
  CASE_ASSIGNED: 'Assigned',
  CASE_APPROVED: 'Approved',
  CASE_APPROVAL_PENDING_COUNTERSIGNATURE: 'Approved, awaiting countersignature',
  CASE_COUNTERSIGNED: 'Countersigned',
  CASE_DENIED: 'Denied',
  CASE_INFO_REQUESTED: 'Information requested',
  CASE_ESCALATED: 'Escalated',
  CASE_NOTE_ADDED: 'Note added',
  MATCH_CLEARED: 'Party match cleared',
  CASE_OUTCOME_CHANGE_ACKNOWLEDGED: 'Outcome change seen',
};

function summary(action: string, data: unknown): string {
  const d = (data ?? {}) as Record<string, unknown>;
  const outcome = (v: unknown) => OUTCOME_LABEL[v as keyof typeof OUTCOME_LABEL] ?? humanize(String(v ?? ''));
  const status = (v: unknown) => STATUS_LABEL[v as keyof typeof STATUS_LABEL] ?? humanize(String(v ?? ''));
  if (action === 'SCREENING_COMPLETED') return `${outcome(d.outcome)} · rule set ${String(d.ruleSetVersion ?? '—')}`;
  if (action === 'MATCH_CLEARED') return `${String(d.partyName ?? '')} / ${String(d.listCode ?? '')} ${String(d.entryId ?? '')}`;
  if (action === 'CASE_ASSIGNED' || action.startsWith('CASE_')) {
    const from = d.from ? status(d.from) : null;
    const to = d.to ? status(d.to) : null;
    return from && to ? `${from} → ${to}` : '';
  }
  return '';
}

export function AuditTrail({ events }: { events: TAudit[] }) {
  return (
    <DataTable
      cards="md"
      look="framed"
      align="middle"
      caption="Audit trail"
      wrapperClassName="overflow-hidden"
      headCellClassName="py-2"
      cellClassName="py-2"
      rows={events}
      rowKey={(e) => String(e.seq)}
      columns={[
        { key: 'when', header: 'When', className: 'whitespace-nowrap text-slate-600', cell: (e) => formatDateTime(e.createdAt) },
        { key: 'what', header: 'What', className: 'text-slate-900', cell: (e) => AUDIT_LABEL[e.action] ?? humanize(e.action) },
        { key: 'who', header: 'Who', className: 'text-slate-600', cell: (e) => e.actorEmail ?? 'system' },
        {
          key: 'detail',
          header: 'Detail',
          className: 'text-slate-600',
          cell: (e) => (
            <>
              {summary(e.action, e.data)} <span className="text-xs text-slate-600">#{String(e.seq)}</span>
            </>
          ),
        },
      ]}
    />
  );
}
