// Dashboard: cases by outcome, by status and by destination, and time from submission to decision.
// Server-rendered bars (no chart library needed for a handful of horizontal bars).
import Link from 'next/link';
import { formatDuration } from '@/lib/format';
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
              {r.href ? <Link href={r.href} className="hover:text-indigo-700 hover:underline">{r.label}</Link> : r.label}
            </th>
            <td className="py-1.5">
              <div className="h-4 rounded bg-slate-100">
                <div className={`h-4 rounded ${r.color ?? 'bg-indigo-500'}`} style={{ width: `${(r.count / max) * 100}%` }} />
              </div>
            </td>
            <td className="w-24 py-1.5 pl-3 text-right tabular-nums text-slate-900">
              {r.count} <span className="text-xs text-slate-500">{total ? `${Math.round((r.count / total) * 100)}%` : ''}</span>
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
  const s = await dashboardStats(actor);
  const byOutcome = new Map(s.byOutcome.map((o) => [o.outcome, o.count]));
  const byStatus = new Map(s.byStatus.map((o) => [o.status, o.count]));
  const total = s.byStatus.reduce((n, r) => n + r.count, 0);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Dashboard</h1>
        <p className="mt-1 text-sm text-slate-600">{total} case{total === 1 ? '' : 's'} submitted in total, all organisations.</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <p className="text-sm text-slate-600">Median time to decision</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900" data-testid="median-time">{formatDuration(s.medianSecondsToDecision)}</p>
          <p className="mt-1 text-xs text-slate-500">From (latest) submission to approval or denial</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <p className="text-sm text-slate-600">90th percentile</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{formatDuration(s.p90SecondsToDecision)}</p>
          <p className="mt-1 text-xs text-slate-500">9 in 10 decisions are faster</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <p className="text-sm text-slate-600">Decided cases</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{s.decided}</p>
          <p className="mt-1 text-xs text-slate-500">Approved or denied</p>
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Cases by outcome">
          <Bars label="Cases by outcome" rows={OUTCOMES.map((o) => ({ key: o, label: OUTCOME_LABEL[o], count: byOutcome.get(o) ?? 0, color: OUTCOME_BAR[o], href: `/cases?outcome=${o}` }))} />
        </Card>
        <Card title="Cases by status">
          <Bars label="Cases by status" rows={CASE_STATUSES.map((st) => ({ key: st, label: STATUS_LABEL[st], count: byStatus.get(st) ?? 0, href: `/cases?status=${st}` }))} />
        </Card>
        <Card title="Top destinations">
          {s.byDestination.length === 0 ? <p className="text-sm text-slate-500">No cases yet.</p> : (
            <Bars label="Cases by destination" rows={s.byDestination.map((d) => ({ key: d.country ?? '-', label: d.country ? `${countryName(d.country)} (${d.country})` : 'Unknown', count: d.count, color: 'bg-slate-500', href: d.country ? `/cases?destination=${d.country}&status=${CASE_STATUSES.join('&status=')}` : undefined }))} />
          )}
        </Card>
      </div>
    </div>
  );
}
