// Keeps Application.slaDueOn (the queue's "days left" sort key) in step with the history. Set with
// every change that moves the clock: in the same transaction for decisions and information requests,
// countersignature, withdrawal, an outcome-changing re-screen and a settings change; just after the
// commit for a resubmission (kept out of that busy transaction); stored with the row for a first submission.
import 'server-only';
import type { TDb, TTx } from '@/lib/db';
import type { Outcome } from '@/lib/generated/prisma/enums';
import { OPEN_STATUSES } from '@/lib/codes';
import type { TSlaCalendar, TSlaTargets } from '@/lib/sla/working-days';
import { getSlaSettings } from './current';
import { clockOf, loadClockFacts } from './history';

type TSettings = { targets: TSlaTargets; calendar: TSlaCalendar };

/** The due day the clock shows for a running clock (null while paused, decided or withdrawn). */
function dueDayOf(clock: ReturnType<typeof clockOf>): Date | null {
  return clock && !clock.decided && !clock.paused && clock.dueOn ? clock.dueOn : null;
}

/**
 * The due day of a case submitted for the first time at `submittedAt` with `outcome`: its whole
 * history is that one submission, so the clock needs nothing from the database and the due day is
 * stored with the new row (refreshSlaDue computes the same from the stored history).
 */
export function dueOnAtFirstSubmission(outcome: Outcome, submittedAt: Date, settings: TSettings): Date | null {
  return dueDayOf(clockOf({ id: '', outcome, start: submittedAt, end: null, pauses: [] }, settings, submittedAt));
}

/** Recomputes the due day of the given cases (null while paused, decided or withdrawn). */
export async function refreshSlaDue(tx: TDb | TTx, ids: readonly string[], settings?: TSettings): Promise<void> {
  if (ids.length === 0) return;
  const resolved = settings ?? (await getSlaSettings(tx));
  const facts = await loadClockFacts(tx, ids);
  // The due day does not depend on "now" while the clock runs; the real time is only used to tell paused from running.
  const now = new Date();
  const byDay = new Map<string, string[]>();
  for (const id of ids) {
    const key = dueDayOf(clockOf(facts.get(id), resolved, now))?.toISOString() ?? '';
    (byDay.get(key) ?? byDay.set(key, []).get(key)!).push(id);
  }
  for (const [day, group] of byDay) await tx.application.updateMany({ where: { id: { in: group } }, data: { slaDueOn: day ? new Date(day) : null } });
}

/** Every open case, in batches (a settings change). Returns how many were re-dated. */
export async function refreshOpenSlaDue(tx: TTx, settings: TSettings): Promise<number> {
  let cursor: string | undefined;
  let n = 0;
  for (;;) {
    const batch = await tx.application.findMany({ where: { status: { in: OPEN_STATUSES }, ...(cursor ? { id: { gt: cursor } } : {}) }, orderBy: { id: 'asc' }, take: 500, select: { id: true } });
    if (batch.length === 0) return n;
    await refreshSlaDue(tx, batch.map((b) => b.id), settings);
    n += batch.length;
    cursor = batch[batch.length - 1]!.id;
  }
}
