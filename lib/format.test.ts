import { describe, expect, it } from 'vitest';
import { formatAge, formatCount, formatDate, formatDateTime, formatMoney, formatNumber, formatPercent, formatWorkingDays } from './format';

describe('formatPercent: a non-zero share is never "0%"', () => {
  it.each([
    [0, 3510, '0%'],
    [5, 3510, '< 1%'],
    [35, 3510, '< 1%'],
    [36, 3510, '1%'],
    [1755, 3510, '50%'],
    [3505, 3510, '> 99%'],
    [3510, 3510, '100%'],
    [1, 0, '—'],
  ])('%i of %i → %s', (part, whole, expected) => expect(formatPercent(part, whole)).toBe(expected));
});

describe('formatMoney', () => {
  it.each([
    [85000, '$85,000.00'],
    [12000.5, '$12,000.50'],
    [0.99, '$0.99'],
    [null, '—'],
  ])('%s → %s', (n, expected) => expect(formatMoney(n)).toBe(expected));
});

describe('counts', () => {
  it.each([
    [1, 'finding', undefined, '1 finding'],
    [4, 'finding', undefined, '4 findings'],
    [0, 'finding', undefined, '0 findings'],
    [3510, 'open case', undefined, '3,510 open cases'],
    [2, 'entry', 'entries', '2 entries'],
  ])('%i %s', (n, s, p, expected) => expect(formatCount(n, s, p)).toBe(expected));
  it('numbers', () => {
    expect(formatNumber(10_000_000)).toBe('10,000,000');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatWorkingDays(1)).toBe('1 working day');
  });
});

describe('dates', () => {
  it.each([
    ['2026-12-01T13:16:07.091Z', '1 Dec 2026', '1 Dec 2026, 13:16 UTC'],
    ['2026-12-01', '1 Dec 2026', '1 Dec 2026, 00:00 UTC'],
    ['2026-12-31T23:59:59Z', '31 Dec 2026', '31 Dec 2026, 23:59 UTC'],
  ])('%s', (input, date, dateTime) => {
    expect(formatDate(input)).toBe(date);
    expect(formatDateTime(input)).toBe(dateTime);
  });
  it('missing or broken → a dash, never "Invalid Date"', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
    expect(formatAge(undefined)).toBe('—');
  });
});
