import { describe, expect, it } from 'vitest';
import { isWorkingDay, pausesFrom, percentiles, slaClock, workingDaysBetween } from './working-days';

const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T10:00:00Z` : iso);
const none = { holidays: [] };
const xmas = { holidays: ['2026-12-25', '2027-01-01'] };

// December 2026: Tue 1, Fri 4, Sat 5, Sun 6, Mon 7 … Fri 25 (Christmas), Mon 28, Fri Jan 1 2027.
describe('workingDaysBetween: days in (from, to], weekends and holidays excluded', () => {
  it.each([
    ['same day', '2026-12-01', '2026-12-01', none, 0],
    ['Tuesday → Wednesday', '2026-12-01', '2026-12-02', none, 1],
    ['Friday → Monday (weekend skipped)', '2026-12-04', '2026-12-07', none, 1],
    ['Friday → Saturday', '2026-12-04', '2026-12-05', none, 0],
    ['Saturday → Sunday', '2026-12-05', '2026-12-06', none, 0],
    ['one calendar week', '2026-12-01', '2026-12-08', none, 5],
    ['across Christmas (a Friday holiday)', '2026-12-24', '2026-12-28', xmas, 1],
    ['across Christmas without the holiday list', '2026-12-24', '2026-12-28', none, 2],
    ['Christmas to New Year with both holidays', '2026-12-24', '2027-01-04', xmas, 5],
    ['end before start', '2026-12-08', '2026-12-01', none, 0],
  ])('%s', (_n, from, to, cal, expected) => expect(workingDaysBetween(at(from), at(to), cal)).toBe(expected));

  it('late evening and early morning are the same dates (UTC)', () => {
    expect(workingDaysBetween(at('2026-12-01T23:59:00Z'), at('2026-12-02T00:01:00Z'), none)).toBe(1);
  });

  it.each([
    ['2026-12-05', false],
    ['2026-12-06', false],
    ['2026-12-07', true],
    ['2026-12-25', false],
  ])('isWorkingDay %s', (d, expected) => expect(isWorkingDay(at(d), xmas)).toBe(expected));
});

describe('slaClock', () => {
  const base = { submittedAt: at('2026-12-01'), decidedAt: null, pauses: [], targetDays: 10, calendar: xmas };

  it.each([
    ['open, no pause, 5 working days in', { now: at('2026-12-08') }, { usedDays: 5, daysLeft: 5, overdue: false, paused: false }],
    ['open, on the due day', { now: at('2026-12-15') }, { usedDays: 10, daysLeft: 0, overdue: false, paused: false }],
    ['open, two days over', { now: at('2026-12-17') }, { usedDays: 12, daysLeft: -2, overdue: true, paused: false }],
    [
      'a closed pause Thursday → next Tuesday (spans the weekend): Fri, Mon, Tue not counted',
      { now: at('2026-12-08'), pauses: [{ from: at('2026-12-03'), to: at('2026-12-08') }] },
      { usedDays: 2, daysLeft: 8, pausedDays: 3, paused: false },
    ],
    [
      'an open pause stops the clock where it is, however long the wait',
      { now: at('2027-02-01'), pauses: [{ from: at('2026-12-03'), to: null }] },
      { usedDays: 2, daysLeft: 8, paused: true, overdue: false },
    ],
    [
      'decided: counted to the decision, not to now',
      { now: at('2027-03-01'), decidedAt: at('2026-12-04') },
      { usedDays: 3, daysLeft: 7, decided: true, paused: false },
    ],
    [
      'decided while an information request was open (withdrawn): the pause ends at the decision',
      { now: at('2027-03-01'), decidedAt: at('2026-12-10'), pauses: [{ from: at('2026-12-03'), to: null }] },
      { usedDays: 2, paused: false, pausedDays: 5 },
    ],
    [
      'two pauses',
      {
        now: at('2026-12-15'),
        pauses: [
          { from: at('2026-12-02'), to: at('2026-12-03') },
          { from: at('2026-12-08'), to: at('2026-12-10') },
        ],
      },
      { usedDays: 7, pausedDays: 3 },
    ],
  ])('%s', (_n, over, expected) => expect(slaClock({ ...base, ...over })).toMatchObject(expected));

  it('due date skips weekends, holidays and past pauses', () => {
    expect(
      slaClock({ ...base, now: at('2026-12-02') })
        .dueOn?.toISOString()
        .slice(0, 10),
    ).toBe('2026-12-15');
    // 10 working days from Tue 15 Dec: 16,17,18,21,22,23,24,(25 holiday),28,29,30 → 30 Dec.
    expect(
      slaClock({ ...base, submittedAt: at('2026-12-15'), now: at('2026-12-15') })
        .dueOn?.toISOString()
        .slice(0, 10),
    ).toBe('2026-12-30');
    const paused = slaClock({ ...base, now: at('2026-12-09'), pauses: [{ from: at('2026-12-03'), to: at('2026-12-08') }] });
    expect(paused.dueOn?.toISOString().slice(0, 10)).toBe('2026-12-18');
  });

  it('no due date while paused or decided', () => {
    expect(slaClock({ ...base, now: at('2026-12-09'), pauses: [{ from: at('2026-12-03'), to: null }] }).dueOn).toBeNull();
    expect(slaClock({ ...base, now: at('2026-12-09'), decidedAt: at('2026-12-04') }).dueOn).toBeNull();
  });
});

describe('pausesFrom', () => {
  it('pairs each request with the next answer; an unanswered request stays open', () => {
    expect(pausesFrom([at('2026-12-08'), at('2026-12-02')], [at('2026-12-03')])).toEqual([
      { from: at('2026-12-02'), to: at('2026-12-03') },
      { from: at('2026-12-08'), to: null },
    ]);
  });
});

describe('percentiles', () => {
  it.each([
    [[], { median: null, p90: null, count: 0 }],
    [[4], { median: 4, p90: 4, count: 1 }],
    [[1, 3], { median: 2, p90: 3, count: 2 }],
    [[10, 1, 2, 3, 4, 5, 6, 7, 8, 9], { median: 5.5, p90: 9, count: 10 }],
  ])('%j', (values, expected) => expect(percentiles(values)).toEqual(expected));
});
