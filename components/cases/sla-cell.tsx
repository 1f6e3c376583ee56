// The service-level clock of one case in words: days left, overdue, paused or decided. Overdue and
// paused say so in text and with a symbol, never by colour alone.
import type { TSlaClock } from '@/lib/sla/working-days';
import { formatDate, formatWorkingDays } from '@/lib/format';

export function SlaCell({ clock }: { clock: TSlaClock | undefined }) {
  if (!clock) return <span className="text-slate-600">—</span>;
  if (clock.decided) return <span className="text-slate-600">Decided in {formatWorkingDays(clock.usedDays)}</span>;
  if (clock.paused) {
    return (
      <span className="inline-flex flex-col">
        <span className="font-medium text-slate-800">
          <span aria-hidden="true">‖ </span>Clock paused
        </span>
        <span className="text-xs text-slate-600">Waiting on the exporter · {formatWorkingDays(Math.max(clock.daysLeft, 0))} left</span>
      </span>
    );
  }
  if (clock.overdue) {
    return (
      <span className="inline-flex flex-col">
        <span className="inline-flex w-fit items-center rounded bg-red-50 px-1.5 py-0.5 font-semibold text-red-800 ring-1 ring-red-300">
          <span aria-hidden="true">⚠&nbsp;</span>Overdue
        </span>
        <span className="text-xs text-red-800">by {formatWorkingDays(-clock.daysLeft)}</span>
      </span>
    );
  }
  return (
    <span className="inline-flex flex-col">
      <span className={clock.daysLeft <= 2 ? 'font-semibold text-amber-800' : 'text-slate-800'}>
        {clock.daysLeft === 0 ? 'Due today' : `${formatWorkingDays(clock.daysLeft)} left`}
      </span>
      {clock.dueOn ? <span className="text-xs text-slate-600">due {formatDate(clock.dueOn)}</span> : null}
    </span>
  );
}
