// The case page's service-level clock: working days used of the target for this outcome, days left
// or overdue, and whether it is stopped while the exporter answers an information request.
import type { TSlaClock } from '@/lib/sla/working-days';
import { formatDate, formatWorkingDays } from '@/lib/format';
import { OUTCOME_LABEL } from '@/lib/labels';
import type { Outcome } from '@/lib/generated/prisma/enums';

export function SlaPanel({ clock, outcome }: { clock: TSlaClock | undefined; outcome: Outcome | null }) {
  return (
    <section aria-labelledby="sla-heading" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="sla-panel">
      <h2 id="sla-heading" className="mb-2 text-base font-semibold text-slate-900">
        Service-level clock
      </h2>
      {!clock ? (
        <p className="text-sm text-slate-600">No clock: this case has no screening outcome yet.</p>
      ) : (
        <>
          <p className="text-sm font-medium text-slate-900" data-testid="sla-state">
            {clock.decided ? (
              `Decided in ${formatWorkingDays(clock.usedDays)} (target ${clock.targetDays}).`
            ) : clock.paused ? (
              <>
                <span aria-hidden="true">‖ </span>Paused since {formatDate(clock.pausedSince)}: waiting on the exporter’s answer.
              </>
            ) : clock.overdue ? (
              <>
                <span aria-hidden="true">⚠ </span>Overdue by {formatWorkingDays(-clock.daysLeft)}.
              </>
            ) : clock.daysLeft === 0 ? (
              'Due today.'
            ) : (
              `${formatWorkingDays(clock.daysLeft)} left${clock.dueOn ? ` (due ${formatDate(clock.dueOn)})` : ''}.`
            )}
          </p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">Used</dt>
            <dd className="text-slate-900 tabular-nums" data-testid="sla-used">
              {formatWorkingDays(clock.usedDays)} of {clock.targetDays}
            </dd>
            <dt className="text-slate-600">Target</dt>
            <dd className="text-slate-900">
              {formatWorkingDays(clock.targetDays)} for {outcome ? OUTCOME_LABEL[outcome].toLowerCase() : '—'}
            </dd>
            <dt className="text-slate-600">Paused</dt>
            <dd className="text-slate-900 tabular-nums" data-testid="sla-paused">
              {formatWorkingDays(clock.pausedDays)}
              {clock.paused ? ' so far' : ''}
            </dd>
          </dl>
          <p className="mt-2 text-xs text-slate-600">
            Working days from the first submission; weekends and holidays do not count, nor the time an information request waits for its answer.
          </p>
        </>
      )}
    </section>
  );
}
