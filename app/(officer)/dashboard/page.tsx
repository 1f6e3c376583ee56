// Dashboard: the service-level clock (median and 90th percentile working days to a decision, overdue
// now, decisions per week and the backlog, as a Recharts chart with the same numbers as a table),
// then cases by outcome, by status and by destination (server-rendered bars).
import Link from 'next/link';
import { WeeklyChart } from '@/components/dashboard/weekly-chart';
import { requestNow } from '@/lib/clock';
import { slaDashboard, SLA_WEEKS } from '@/lib/data/sla/dashboard';
import { formatCount, formatDate, formatDayMonth, formatNumber, formatPercent, formatWorkingDays } from '@/lib/format';
import { requireRole } from '@/lib/authz';
import { countryName } from '@/lib/countries';
import { OUTCOME_LABEL, STATUS_LABEL } from '@/lib/labels';
import { CASE_STATUSES, OUTCOMES } from '@/lib/codes';
import { dashboardStats } from '@/lib/data/cases';

export const metadata = { title: 'Dashboard · Clearance' };

const OUTCOME_BAR: Record<string, string> = { CLEAR: 'bg-emerald-500', REVIEW: 'bg-amber-500', LICENSE_REQUIRED: 'bg-orange-500', PROHIBITED: 'bg-red-600' };

function Bars({ rows, label }: { rows: { key: string; label: string; count: number; color?: string; href?: string }[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const total = rows.reduce((n, r) => n + r.count, 0);
  return (
    <table className="w-full text-sm" aria-label={label}>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" className="w-44 py-1.5 pr-3 text-left font-normal text-slate-700">
              {r.href ? (
                <Link href={r.href} className="hover:text-indigo-700 hover:underline">
                  {r.label}
                </Link>
              ) : (
                r.label
              )}
            </th>
            <td className="py-1.5">
              <div className="h-4 rounded bg-slate-100">
                <div className={`h-4 rounded ${r.color ?? 'bg-indigo-500'}`} style={{ width: `${r.count > 0 ? Math.max(1, (r.count / max) * 100) : 0}%` }} />
              </div>
            </td>
            <td className="w-24 py-1.5 pl-3 text-right text-slate-900 tabular-nums">
              {formatNumber(r.count)} <span className="text-xs text-slate-600">{total ? formatPercent(r.count, total) : ''}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

export default async function DashboardPage() {
  const actor = await requireRole('OFFICER', 'ADMIN');
  const now = await requestNow();
  const [s, sla] = await Promise.all([dashboardStats(actor), slaDashboard(actor, now)]);
  const points = sla.weeks.map((w) => ({ week: formatDayMonth(w.weekStart), decided: w.decided, submitted: w.submitted, backlog: w.backlog }));
  const lastWeek = sla.weeks.at(-1);
  const summary = `Decisions per week and backlog over the last ${SLA_WEEKS} weeks: ${formatCount(
    sla.weeks.reduce((n, w) => n + w.decided, 0),
    'decision',
  )} in total; backlog now ${formatNumber(lastWeek?.backlog ?? 0)}. The table below has every week.`;
  const days = (n: number | null) => (n === null ? '—' : formatWorkingDays(n));
  const byOutcome = new Map(s.byOutcome.map((o) => [o.outcome, o.count]));
  const byStatus = new Map(s.byStatus.map((o) => [o.status, o.count]));
  const total = s.byStatus.reduce((n, r) => n + r.count, 0);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Dashboard</h1>
        <p className="mt-1 text-sm text-slate-600">{formatCount(total, 'case')} submitted in total, all organisations.</p>
      </div>
      <section aria-labelledby="sla-heading" className="space-y-4">
        <h2 id="sla-heading" className="text-lg font-semibold text-slate-900">
          Service levels
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="rounded-lg border border-slate-200 bg-white p-5">
            <p className="text-sm text-slate-600">Median to decision</p>
            <p className="mt-1 text-3xl font-semibold text-slate-900 tabular-nums" data-testid="median-time">
              {days(sla.median)}
            </p>
            <p className="mt-1 text-xs text-slate-600">
              Working days from first submission, pauses excluded; {formatCount(sla.count, 'decision')} in the last year
            </p>
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-5">
            <p className="text-sm text-slate-600">90th percentile</p>
            <p className="mt-1 text-3xl font-semibold text-slate-900 tabular-nums" data-testid="p90-time">
              {days(sla.p90)}
            </p>
            <p className="mt-1 text-xs text-slate-600">9 in 10 decisions took no longer</p>
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-5">
            <p className="text-sm text-slate-600">Decided within target</p>
            <p className="mt-1 text-3xl font-semibold text-slate-900 tabular-nums">{sla.count ? formatPercent(sla.withinTarget, sla.count) : '—'}</p>
            <p className="mt-1 text-xs text-slate-600">
              {formatNumber(sla.withinTarget)} of {formatNumber(sla.count)} · {formatCount(s.decided, 'decided case')} in all
            </p>
          </div>
          <Link
            href="/cases?sort=due"
            className={`rounded-lg border p-5 ${sla.overdue ? 'border-red-300 bg-red-50 hover:border-red-400' : 'border-slate-200 bg-white hover:border-slate-300'}`}
          >
            <p className="text-sm text-slate-700">{sla.overdue ? <span aria-hidden="true">⚠ </span> : null}Overdue now</p>
            <p className={`mt-1 text-3xl font-semibold tabular-nums ${sla.overdue ? 'text-red-800' : 'text-slate-900'}`} data-testid="overdue-count">
              {formatNumber(sla.overdue)}
            </p>
            <p className="mt-1 text-xs text-slate-700">
              of {formatCount(sla.open, 'open case')}; {formatNumber(sla.paused)} paused for information. Sort the queue by days left →
            </p>
          </Link>
        </div>
        <Card title={`Decisions per week and backlog, last ${SLA_WEEKS} weeks`}>
          <WeeklyChart points={points} summary={summary} />
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium text-indigo-700">Table view</summary>
            <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Weekly figures">
              <table className="w-full text-left text-sm" data-testid="weekly-table">
                <caption className="sr-only">Decisions, submissions and backlog per week (weeks start on Monday, UTC)</caption>
                <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-600 uppercase">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Week of
                    </th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">
                      Decisions
                    </th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">
                      Submissions
                    </th>
                    <th scope="col" className="py-2 text-right font-medium">
                      Backlog at week’s end
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {sla.weeks.map((w, i) => (
                    <tr key={w.weekStart.toISOString()}>
                      <th scope="row" className="py-1.5 pr-4 font-normal whitespace-nowrap text-slate-800">
                        {formatDate(w.weekStart)}
                        {i === sla.weeks.length - 1 ? ' (so far)' : ''}
                      </th>
                      <td className="py-1.5 pr-4 text-right tabular-nums">{formatNumber(w.decided)}</td>
                      <td className="py-1.5 pr-4 text-right tabular-nums">{formatNumber(w.submitted)}</td>
                      <td className="py-1.5 text-right tabular-nums">{formatNumber(w.backlog)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </Card>
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Cases by outcome">
          <Bars
            label="Cases by outcome"
            rows={OUTCOMES.map((o) => ({ key: o, label: OUTCOME_LABEL[o], count: byOutcome.get(o) ?? 0, color: OUTCOME_BAR[o], href: `/cases?outcome=${o}` }))}
          />
        </Card>
        <Card title="Cases by status">
          <Bars
            label="Cases by status"
            rows={CASE_STATUSES.map((st) => ({ key: st, label: STATUS_LABEL[st], count: byStatus.get(st) ?? 0, href: `/cases?status=${st}` }))}
          />
        </Card>
        <Card title="Top destinations">
          {s.byDestination.length === 0 ? (
            <p className="text-sm text-slate-500">No cases yet.</p>
          ) : (
            <Bars
              label="Cases by destination"
              rows={s.byDestination.map((d) => ({
                key: d.country ?? '-',
                label: d.country ? `${countryName(d.country)} (${d.country})` : 'Unknown',
                count: d.count,
                color: 'bg-slate-500',
                href: d.country ? `/cases?destination=${d.country}&status=${CASE_STATUSES.join('&status=')}` : undefined,
              }))}
            />
          )}
        </Card>
      </div>
    </div>
  );
}
