// One-off: compacts the EU Annex I file (1.2 MB, verbatim text of every provision) into what the
// engine and the form need: each entry's code, category, heading and provision codes; the GEAs'
// verbatim texts; the Annex II Section I exclusions. Source, date and both hashes are kept.
//   npx tsx scripts/compact-eu-annex-i.ts <path to eu-dual-use-annex-i-2025-11-15.json>
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type TRaw = {
  corpus_version: string;
  celex: string;
  valid_from: string;
  retrieved_at: string;
  sha256: string;
  source_url: string;
  attribution: string;
  entries: { entry_code: string; category: string; verbatim_text: string }[];
  geas: { id: string; title: string; verbatim_text: string }[];
  gea_common_list: string;
};

const file = process.argv[2];
if (!file) throw new Error('usage: tsx scripts/compact-eu-annex-i.ts <annex json>');
const bytes = readFileSync(file);
const raw = JSON.parse(bytes.toString('utf8')) as TRaw;
const PROVISION = /^(\d[A-E]\d{3}(?:\.[a-z0-9]+)*)\.? /;

const entries = raw.entries.map((e) => {
  const lines = e.verbatim_text.split('\n');
  const provisions = new Set<string>();
  for (const line of lines) {
    const m = PROVISION.exec(line);
    if (m && m[1] !== e.entry_code && m[1]!.startsWith(`${e.entry_code}.`)) provisions.add(m[1]!.slice(e.entry_code.length + 1));
  }
  const heading = (lines[0] ?? '').replace(PROVISION, '').trim();
  return { code: e.entry_code, category: e.category, heading: heading.length > 240 ? `${heading.slice(0, 237)}…` : heading, provisions: [...provisions] };
});

// Annex II Section I: lines such as "— 1C450.a.1. Amiton…" or "0C001 'Natural uranium'…"; "all items specified in Annex IV" stays a flag.
const annexII = raw.gea_common_list
  .split('\n')
  .map((l) => l.replace(/^—\s*/, '').trim())
  .map((l) => /^(\d[A-E]\d{3}(?:\.[a-z0-9]+)*)\.?\s+(.*)$/.exec(l))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ code: m[1]!, text: m[2]!.replace(/,$/, '') }));

const out = {
  source: `Annex I of Regulation (EU) 2021/821, EUR-Lex consolidation ${raw.corpus_version} (${raw.source_url}), as republished in rikiosso/exports-watch data/annex.json @ 0fb5427ea885af2f284f7ad6b025376ac4ffdc11; compacted for Clearance by scripts/compact-eu-annex-i.ts (entry headings and provision codes; the verbatim text is in the Official Journal)`,
  attribution: raw.attribution,
  corpusVersion: raw.corpus_version,
  validFrom: raw.valid_from,
  sourceUrl: raw.source_url,
  retrievedAt: raw.retrieved_at,
  upstreamSha256: raw.sha256,
  fileSha256: createHash('sha256').update(bytes).digest('hex'),
  fileName: path.basename(file),
  entries,
  geas: raw.geas.map((g) => ({ id: g.id, title: g.title, text: g.verbatim_text })),
  annexII: { includesAnnexIV: /all items specified in Annex IV/.test(raw.gea_common_list), items: annexII, text: raw.gea_common_list },
};
const target = path.resolve('data/reference/eu/eu-dual-use-annex-i-2025-11-15.compact.json');
writeFileSync(target, `${JSON.stringify(out)}\n`);
// The codes alone, for the form and the schema (validating an EU control code, proposing one from the ECCN).
const codes = { validFrom: raw.valid_from, corpusVersion: raw.corpus_version, entries: Object.fromEntries(entries.map((e) => [e.code, e.provisions.join(' ')])) };
writeFileSync(path.resolve('data/reference/eu/annex-i-codes.json'), `${JSON.stringify(codes)}\n`);
console.log(`${entries.length} entries, ${entries.reduce((n, e) => n + e.provisions.length, 0)} provisions, ${annexII.length} Annex II items → ${target}`);
