// Typed error for malformed reference input. Carries the line number so an admin upload page can
// point at the offending line.

export class ReferenceParseError extends Error {
  readonly line: number | null;
  readonly source: string;
  constructor(source: string, line: number | null, message: string) {
    super(line === null ? `${source}: ${message}` : `${source}, line ${line}: ${message}`);
    this.name = 'ReferenceParseError';
    this.source = source;
    this.line = line;
  }
}

/** Line number from a csv-parse error, when it has one. */
export function csvErrorLine(err: unknown): number | null {
  if (err && typeof err === 'object') {
    const e = err as { lines?: unknown; context?: { lines?: unknown } };
    if (typeof e.lines === 'number') return e.lines;
    if (e.context && typeof e.context.lines === 'number') return e.context.lines;
  }
  return null;
}

/** 1-based line of a JSON syntax error (V8 on Node 20 gives a position only for some errors). */
export function jsonErrorLine(text: string): number | null {
  const lineAt = (pos: number) => text.slice(0, pos).split('\n').length;
  const classify = (n: number): 'OK' | 'END' | 'BAD' => {
    try {
      JSON.parse(text.slice(0, n));
      return 'OK';
    } catch (err) {
      const msg = String(err);
      if (/end of (JSON )?input|Unterminated/i.test(msg)) return 'END';
      const m = /position (\d+)/.exec(msg);
      return m && Number(m[1]) >= n ? 'END' : 'BAD';
    }
  };
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    const m = /position (\d+)/.exec(String(err));
    if (m) return lineAt(Number(m[1]));
  }
  // No position: find the shortest prefix that is wrong for a reason other than ending early.
  let lo = 0;
  let hi = text.length;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if (classify(mid) === 'BAD') hi = mid;
    else lo = mid;
  }
  return lineAt(hi);
}
