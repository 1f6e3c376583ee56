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
