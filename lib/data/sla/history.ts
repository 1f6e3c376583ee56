// What the service-level clock reads from a case's history: the first submission, each information
// request (REQUEST_INFO decision) and each answer (RESUBMIT screening), the decision or withdrawal.
import 'server-only';
import { db, type TDb, type TTx } from '@/lib/db';
import type { Outcome } from '@/lib/generated/prisma/enums';
import { pausesFrom, slaClock, type TSlaCalendar, type TSlaClock, type TSlaTargets, type TPause } from '@/lib/sla/working-days';

export type TClockFacts = { id: string; outcome: Outcome | null; start: Date | null; end: Date | null; pauses: TPause[] };

/** The clock's facts for the given cases (one query per kind of event, however many cases). */
export async function loadClockFacts(client: TDb | TTx, ids: readonly string[]): Promise<Map<string, TClockFacts>> {
  const out = new Map<string, TClockFacts>();
  if (ids.length === 0) return out;
  const list = [...ids];
  const [apps, runs, requests] = await Promise.all([
    client.application.findMany({ where: { id: { in: list } }, select: { id: true, outcome: true, submittedAt: true, decidedAt: true, withdrawnAt: true, status: true } }),
    client.screeningRun.findMany({ where: { applicationId: { in: list }, trigger: { in: ['SUBMIT', 'RESUBMIT'] } }, select: { applicationId: true, trigger: true, createdAt: true } }),
    client.decision.findMany({ where: { applicationId: { in: list }, type: 'REQUEST_INFO', lineItemId: null }, select: { applicationId: true, createdAt: true } }),
  ]);
  const firstSubmit = new Map<string, Date>();
  const answers = new Map<string, Date[]>();
  for (const r of runs) {
    if (r.trigger === 'SUBMIT') {
      const seen = firstSubmit.get(r.applicationId);
      if (!seen || r.createdAt < seen) firstSubmit.set(r.applicationId, r.createdAt);
    } else (answers.get(r.applicationId) ?? answers.set(r.applicationId, []).get(r.applicationId)!).push(r.createdAt);
  }
  const asked = new Map<string, Date[]>();
  for (const d of requests) (asked.get(d.applicationId) ?? asked.set(d.applicationId, []).get(d.applicationId)!).push(d.createdAt);
  for (const a of apps) {
    if (a.status === 'DRAFT') continue;
    out.set(a.id, {
      id: a.id,
      outcome: a.outcome,
      start: firstSubmit.get(a.id) ?? a.submittedAt,
      end: a.decidedAt ?? (a.status === 'WITHDRAWN' ? (a.withdrawnAt ?? null) : null),
      pauses: pausesFrom(asked.get(a.id) ?? [], answers.get(a.id) ?? []),
    });
  }
  return out;
}

/** A case's clock, or null when it was never submitted or has no outcome (no target applies). */
export function clockOf(facts: TClockFacts | undefined, settings: { targets: TSlaTargets; calendar: TSlaCalendar }, now: Date): TSlaClock | null {
  if (!facts?.start || !facts.outcome) return null;
  return slaClock({ submittedAt: facts.start, decidedAt: facts.end, pauses: facts.pauses, targetDays: settings.targets[facts.outcome], now, calendar: settings.calendar });
}

/** Clocks for a page of cases. */
export async function slaClocksFor(ids: readonly string[], settings: { targets: TSlaTargets; calendar: TSlaCalendar }, now: Date, client: TDb | TTx = db): Promise<Map<string, TSlaClock>> {
  const facts = await loadClockFacts(client, ids);
  const out = new Map<string, TSlaClock>();
  for (const id of ids) {
    const clock = clockOf(facts.get(id), settings, now);
    if (clock) out.set(id, clock);
  }
  return out;
}
