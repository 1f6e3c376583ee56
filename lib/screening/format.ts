// Number formatting for finding messages. One Intl.NumberFormat per option set: toLocaleString
// builds a new formatter on every call, which showed up as the costliest line of screening a
// 50-item application. Same output as `n.toLocaleString('en-US', options)`.

const formatters = new Map<number, Intl.NumberFormat>();

/** `n` as en-US text with at most `maxFractionDigits` decimals (default: Intl's own, 3). */
export function formatNumber(n: number, maxFractionDigits?: number): string {
  const key = maxFractionDigits ?? -1;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', maxFractionDigits === undefined ? undefined : { maximumFractionDigits: maxFractionDigits });
    formatters.set(key, f);
  }
  return f.format(n);
}
