// Dates and durations as every page shows them (UTC, unambiguous; the server renders them).
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export const formatDateTime = (d: Date | string | null | undefined) => (d ? DATE_TIME.format(new Date(d)) : '—');
export const formatDate = (d: Date | string | null | undefined) => (d ? DATE.format(new Date(d)) : '—');

/** "3 d", "5 h", "12 min": how long something has waited. */
export function formatAge(from: Date | null | undefined, now = new Date()): string {
  if (!from) return '—';
  return formatDuration((now.getTime() - from.getTime()) / 1000);
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, seconds);
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min`;
  if (s < 86_400 * 2) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}
