// The dashboard's service-level figures: median and 90th percentile working days from first
// submission to decision (pauses excluded), open cases overdue now, and per week the decisions taken
// and the backlog (cases submitted and not yet decided or withdrawn) at the week's end.
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { DECIDED_STATUSES, OPEN_STATUSES } from '@/lib/codes';
import { requireOfficer } from '@/lib/data/cases/shared';
import { dateOfDay, dayNumber, percentiles } from '@/lib/sla/working-days';
import { getSlaSettings } from './current';
import { clockOf, loadClockFacts, type TClockFacts } from './history';

export const SLA_WEEKS = 12;
/** Decisions the percentiles read: the last year's, at most this many (newest first). */
const MAX_DECIDED = 20_000;

export type TWeekRow = { weekStart: Date; decided: number; submitted: number; backlog: number };

/** Monday 00:00 UTC of the week `now` falls in. */
function weekStartOf(now: Date): Date {
  const day = dayNumber(now);
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return dateOfDay(day - ((weekday + 6) % 7));
}

export async function slaDashboard(actor: TActor, now: Date) {
  requireOfficer(actor);
  const settings = await getSlaSettings();
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const decidedRows = await db.application.findMany({
    where: { status: { in: DECIDED_STATUSES }, decidedAt: { gte: yearAgo, lte: now } },
    orderBy: { decidedAt: 'desc' },
    take: MAX_DECIDED,
    select: { id: true },
  });
  const facts = new Map<string, TClockFacts>();
  for (let i = 0; i < decidedRows.length; i += 1000) {
    const batch = await loadClockFacts(db, decidedRows.slice(i, i + 1000).map((r) => r.id));
    for (const [k, v] of batch) facts.set(k, v);
  }
  const used: number[] = [];
  let withinTarget = 0;
  for (const { id } of decidedRows) {
    const clock = clockOf(facts.get(id), settings, now);
    if (!clock) continue;
    used.push(clock.usedDays);
    if (!clock.overdue) withinTarget++;
  }
  const today = dateOfDay(dayNumber(now));
  const [overdue, paused, open] = await Promise.all([
    db.application.count({ where: { status: { in: OPEN_STATUSES }, slaDueOn: { lt: today } } }),
    db.application.count({ where: { status: 'INFO_REQUESTED' } }),
    db.application.count({ where: { status: { in: OPEN_STATUSES } } }),
  ]);

  const thisWeek = weekStartOf(now);
  const first = new Date(thisWeek.getTime() - (SLA_WEEKS - 1) * 7 * 86_400_000);
  const weeks = await db.$queryRaw<{ ws: Date; decided: bigint; submitted: bigint; backlog: bigint }[]>`
    WITH weeks AS (SELECT generate_series(${first}::timestamp, ${thisWeek}::timestamp, interval '7 days') AS ws),
    firsts AS (SELECT "applicationId" AS id, MIN("createdAt") AS fs FROM "ScreeningRun" WHERE trigger = 'SUBMIT' GROUP BY 1),
    cases AS (
      SELECT COALESCE(f.fs, a."submittedAt") AS s, a."decidedAt" AS d, a."withdrawnAt" AS wd
      FROM "Application" a LEFT JOIN firsts f ON f.id = a.id
      WHERE a.status <> 'DRAFT' AND COALESCE(f.fs, a."submittedAt") IS NOT NULL
    )
    SELECT k.ws,
      (SELECT COUNT(*) FROM cases c WHERE c.d >= k.ws AND c.d < k.ws + interval '7 days') AS decided,
      (SELECT COUNT(*) FROM cases c WHERE c.s >= k.ws AND c.s < k.ws + interval '7 days') AS submitted,
      (SELECT COUNT(*) FROM cases c WHERE c.s < LEAST(k.ws + interval '7 days', ${now}::timestamp)
         AND (c.d IS NULL OR c.d >= LEAST(k.ws + interval '7 days', ${now}::timestamp))
         AND (c.wd IS NULL OR c.wd >= LEAST(k.ws + interval '7 days', ${now}::timestamp))) AS backlog
    FROM weeks k ORDER BY k.ws`;
  return {
    ...percentiles(used),
    withinTarget,
    overdue,
    paused,
    open,
    weeks: weeks.map((w): TWeekRow => ({ weekStart: new Date(w.ws), decided: Number(w.decided), submitted: Number(w.submitted), backlog: Number(w.backlog) })),
  };
}
