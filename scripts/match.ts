// `npm run --silent match`: reads JSON Lines {"query": "...", "candidate": "..."} from stdin and
// prints one line per input, in order: {"score": 0..1, "match": "STRONG"|"POSSIBLE"|"NONE"}.
// A bad line prints {"error": "..."} in its place; the exit code is then 2.
// Same normaliser and scorer as party screening (lib/screening/names).

import { createInterface } from 'node:readline';
import { matchNames } from '../lib/screening/names/score';

export function matchLine(line: string): { out: string; ok: boolean } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { out: JSON.stringify({ error: 'line is not valid JSON' }), ok: false };
  }
  const o = input as { query?: unknown; candidate?: unknown } | null;
  if (!o || typeof o !== 'object' || Array.isArray(o)) {
    return { out: JSON.stringify({ error: 'expected an object {"query": string, "candidate": string}' }), ok: false };
  }
  if (typeof o.query !== 'string' || typeof o.candidate !== 'string') {
    return { out: JSON.stringify({ error: '"query" and "candidate" must both be strings' }), ok: false };
  }
  const { score, match } = matchNames(o.query, o.candidate);
  return { out: JSON.stringify({ score, match }), ok: true };
}

async function main(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let failed = false;
  const out: string[] = [];
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '') continue;
    const r = matchLine(line);
    if (!r.ok) failed = true;
    out.push(r.out);
    if (out.length >= 1000) process.stdout.write(`${out.splice(0).join('\n')}\n`);
  }
  if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
  process.exitCode = failed ? 2 : 0;
}

const invokedDirectly = process.argv[1] && /match\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  });
}
