// The service-level clock: working days from submission to decision, weekends and holidays excluded,
// stopped while the case waits on the exporter (an information request until the answer).
// Pure: no clock, no database — `now` and the calendar are passed in. Days are UTC calendar dates.
import type { TOutcome } from '@/lib/screening/types';

export type TSlaCalendar = {
  /** Holidays as ISO dates ("2026-12-25"); Saturdays and Sundays are never working days. */
  holidays: readonly string[];
};

/** A span the clock is stopped: from the information request to the exporter's answer (null = still waiting). */
export type TPause = { from: Date; to: Date | null };

export type TSlaTargets = Record<TOutcome, number>;

const DAY_MS = 86_400_000;

/** UTC day number (days since 1970-01-01). */
export const dayNumber = (d: Date) => Math.floor(d.getTime() / DAY_MS);
export const dateOfDay = (day: number) => new Date(day * DAY_MS);
export const isoDay = (day: number) => dateOfDay(day).toISOString().slice(0, 10);

/** 1970-01-01 was a Thursday (4, with Sunday = 0). */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

function holidaySet(calendar: TSlaCalendar): Set<number> {
  const days = new Set<number>();
  for (const h of calendar.holidays) {
    const t = Date.parse(`${h}T00:00:00Z`);
    if (!Number.isNaN(t)) days.add(dayNumber(new Date(t)));
  }
  return days;
}

export function isWorkingDay(date: Date, calendar: TSlaCalendar): boolean {
  const day = dayNumber(date);
  const wd = weekdayOf(day);
  return wd !== 0 && wd !== 6 && !holidaySet(calendar).has(day);
}

/**
 * Working days in (from, to]: the day something happens is not counted, the day it ends is
 * (submitted Monday, decided Tuesday = 1; submitted Friday, decided Monday = 1). 0 when to ≤ from.
 */
export function workingDaysBetween(from: Date, to: Date, calendar: TSlaCalendar): number {
  return countDays(dayNumber(from), dayNumber(to), holidaySet(calendar), []);
}

type TDaySpan = { from: number; to: number };

function countDays(fromDay: number, toDay: number, holidays: Set<number>, paused: TDaySpan[]): number {
  let n = 0;
  for (let d = fromDay + 1; d <= toDay; d++) {
    const wd = weekdayOf(d);
    if (wd === 0 || wd === 6 || holidays.has(d)) continue;
    if (paused.some((p) => d > p.from && d <= p.to)) continue;
    n++;
  }
  return n;
}

export type TSlaInput = {
  /** First submission (a resubmission after an information request does not restart the clock). */
  submittedAt: Date;
  /** The final decision, or null while the case is open. */
  decidedAt: Date | null;
  pauses: readonly TPause[];
  targetDays: number;
  now: Date;
  calendar: TSlaCalendar;
};

export type TSlaClock = {
  /** Working days the clock has run (pauses excluded), up to the decision or now. */
  usedDays: number;
  targetDays: number;
  /** targetDays − usedDays: negative when overdue. */
  daysLeft: number;
  overdue: boolean;
  /** The clock is stopped now: an information request is unanswered (open cases only). */
  paused: boolean;
  pausedSince: Date | null;
  /** Working days the clock was stopped. */
  pausedDays: number;
  /** The working day the decision is due, if the clock keeps running (null while paused or decided). */
  dueOn: Date | null;
  decided: boolean;
};

/** The clock of one case at `now`. */
export function slaClock({ submittedAt, decidedAt, pauses, targetDays, now, calendar }: TSlaInput): TSlaClock {
  const holidays = holidaySet(calendar);
  const endDay = dayNumber(decidedAt ?? now);
  const startDay = dayNumber(submittedAt);
  const spans: TDaySpan[] = pauses.map((p) => ({ from: dayNumber(p.from), to: dayNumber(p.to ?? decidedAt ?? now) }));
  const usedDays = countDays(startDay, endDay, holidays, spans);
  const pausedDays = countDays(startDay, endDay, holidays, []) - usedDays;
  const open = decidedAt === null ? pauses.find((p) => p.to === null) : undefined;
  const paused = open !== undefined;
  let dueOn: Date | null = null;
  if (!decidedAt && !paused) {
    // Walk forward from the submission, skipping weekends, holidays and past pauses, until the target is spent.
    let d = startDay;
    let left = Math.max(0, targetDays);
    while (left > 0) {
      d++;
      const wd = weekdayOf(d);
      if (wd === 0 || wd === 6 || holidays.has(d) || spans.some((p) => d > p.from && d <= p.to)) continue;
      left--;
    }
    dueOn = dateOfDay(d);
  }
  const daysLeft = targetDays - usedDays;
  return { usedDays, targetDays, daysLeft, overdue: daysLeft < 0, paused, pausedSince: open?.from ?? null, pausedDays, dueOn, decided: decidedAt !== null };
}

/**
 * Pause spans from a case's history: each information request stops the clock until the next
 * resubmission after it (none yet: still stopped).
 */
export function pausesFrom(requests: readonly Date[], answers: readonly Date[]): TPause[] {
  const sortedAnswers = [...answers].sort((a, b) => a.getTime() - b.getTime());
  return [...requests]
    .sort((a, b) => a.getTime() - b.getTime())
    .map((from) => ({ from, to: sortedAnswers.find((a) => a.getTime() >= from.getTime()) ?? null }));
}

/** Median and 90th percentile (nearest rank) of working-day counts; null when there are none. */
export function percentiles(values: readonly number[]): { median: number | null; p90: number | null; count: number } {
  if (values.length === 0) return { median: null, p90: null, count: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, p90: rank(0.9), count: sorted.length };
}
