// Words for people: how every page, the PDF and the CSV write dates, money, counts and shares.
// One place, so "$85,000.00", "1 Dec 2026", "3,510 cases" and "< 1%" read the same everywhere.
// Dates are UTC (the server renders them; the audit trail and the PDF agree with the screen).
// Pure and framework-free: usable from server components, client components, lib/pdf and the CSV.

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});
const WEEK_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

type TDateLike = Date | string | number | null | undefined;

const toDate = (d: TDateLike): Date | null => {
  if (d === null || d === undefined || d === '') return null;
  // A bare ISO day ("2026-12-01") is that day in UTC, not midnight local time.
  const value = typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(`${d}T00:00:00Z`) : new Date(d);
  return Number.isNaN(value.getTime()) ? null : value;
};

/** "1 Dec 2026"; "—" when there is none. */
export const formatDate = (d: TDateLike, empty = '—') => {
  const v = toDate(d);
  return v ? DATE.format(v) : empty;
};

/** "1 Dec 2026, 13:16 UTC"; "—" when there is none. */
export const formatDateTime = (d: TDateLike, empty = '—') => {
  const v = toDate(d);
  return v ? `${DATE_TIME.format(v)} UTC` : empty;
};

/** "1 Dec" (chart axes, week labels). */
export const formatDayMonth = (d: TDateLike, empty = '—') => {
  const v = toDate(d);
  return v ? WEEK_DAY.format(v) : empty;
};

/** "$85,000.00" (US dollars, always two decimals). */
export const formatMoney = (amount: number | null | undefined, empty = '—') =>
  amount === null || amount === undefined || !Number.isFinite(amount) ? empty : USD.format(amount);

/** "3,510" (whole numbers), "1,234.5" (up to two decimals otherwise). */
export const formatNumber = (n: number | null | undefined, empty = '—') =>
  n === null || n === undefined || !Number.isFinite(n) ? empty : Number.isInteger(n) ? INTEGER.format(n) : DECIMAL.format(n);

/**
 * "1 finding", "4 findings", "3,510 open cases": a count with its noun. The plural defaults to
 * the noun + "s"; give it when English does not ("1 entry" / "2 entries").
 */
export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

/** The noun alone, agreeing with n ("case" / "cases"). */
export const pluralize = (n: number, singular: string, plural = `${singular}s`) => (n === 1 ? singular : plural);

/**
 * A share as a whole percentage: "< 1%" for a share that exists but rounds to 0, "> 99%" for one
 * that is not all but rounds to 100, "0%" only for none. "—" when there is no whole.
 */
export function formatPercent(part: number, whole: number): string {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return '—';
  if (part <= 0) return '0%';
  if (part >= whole) return '100%';
  const pct = (part / whole) * 100;
  if (pct < 1) return '< 1%';
  if (pct > 99) return '> 99%';
  return `${Math.round(pct)}%`;
}

/** "1 working day", "12 working days". */
export const formatWorkingDays = (n: number) => formatCount(n, 'working day');

/** "3 d", "5 h", "12 min": how long something has waited. */
export function formatAge(from: TDateLike, now = new Date()): string {
  const v = toDate(from);
  if (!v) return '—';
  return formatDuration((now.getTime() - v.getTime()) / 1000);
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, seconds);
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min`;
  if (s < 86_400 * 2) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}

/** "1.2 MB", "340.0 KB". */
export const formatBytes = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
