import { describe, expect, it } from 'vitest';
import { buildSeedRules } from '@/lib/reference/seed-rules';
import { describeParam, parseCountryEdit, parseRuleEdit, ruleFields, type TRawValues } from './rules';

const ctx = { countryCodes: new Set(['RU', 'BY', 'CN', 'BR', 'DE', 'UA']), groupCodes: new Set(['A:1', 'A:5', 'B', 'E:1', 'E:2']) };
const rule = (id: string) => buildSeedRules().find((r) => r.id === id)!;

/** The form values an unchanged rule submits. */
function unchanged(id: string): TRawValues {
  const r = rule(id);
  const raw: TRawValues = { enabled: r.enabled ? 'on' : '' };
  for (const f of ruleFields(id, r.params)) {
    const v = f.path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], r.params);
    if (f.kind.type === 'text-map') for (const [k, t] of Object.entries(v as Record<string, string>)) raw[`${f.path}.${k}`] = t;
    else if (f.kind.type === 'enum-list') raw[f.path] = (v as string[] | undefined) ?? [];
    else if (f.kind.type === 'countries' || f.kind.type === 'groups') raw[f.path] = ((v as string[] | undefined) ?? []).join(', ');
    else if (f.kind.type === 'boolean') raw[f.path] = v ? 'on' : '';
    else if (f.kind.type === 'tri') raw[f.path] = v === true ? 'yes' : v === false ? 'no' : '';
    else if (f.kind.type === 'regions') raw[f.path] = (v as { code: string; name: string }[]).map((x) => `${x.code} ${x.name}`).join('\n');
    else if (f.kind.type === 'lines') {
      const cols = f.kind.columns;
      raw[f.path] = (v as Record<string, string>[]).map((x) => cols.map((c) => x[c]).join(' | ')).join('\n');
    } else raw[f.path] = v === undefined ? '' : String(v);
  }
  return raw;
}

describe('rule edits', () => {
  it.each(buildSeedRules().map((r) => r.id))('%s: submitting the form unchanged gives the same params', (id) => {
    const parsed = parseRuleEdit(rule(id), unchanged(id), {
      ...ctx,
      countryCodes: new Set([
        ...ctx.countryCodes,
        'KH',
        'MM',
        'NI',
        'VE',
        'CU',
        'IR',
        'KP',
        'SY',
        ...buildSeedRules().flatMap((r) => (Array.isArray(r.params.destinationCountries) ? (r.params.destinationCountries as string[]) : [])),
      ]),
    });
    expect(parsed).toEqual({ ok: true, enabled: true, params: rule(id).params });
  });

  it('refuses bad thresholds, unknown countries and groups, with an error per field', () => {
    const raw = { ...unchanged('party.restricted-lists'), strongThreshold: '0.85', possibleThreshold: '0.9', maxMatchesPerParty: '2.5' };
    const parsed = parseRuleEdit(rule('party.restricted-lists'), raw, ctx);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors.possibleThreshold).toEqual(['The possible-match score cannot be higher than the strong-match score']);
    expect(parsed.fieldErrors.maxMatchesPerParty).toEqual(['Enter a whole number']);

    const embargo = parseRuleEdit(rule('embargo.country-group'), { ...unchanged('embargo.country-group'), groups: 'E:1, X:9' }, ctx);
    expect(embargo).toMatchObject({ ok: false, fieldErrors: { groups: [expect.stringContaining('X:9')] } });
    const mil = parseRuleEdit(rule('end-user.military-744-21'), { ...unchanged('end-user.military-744-21'), anyItemCountries: 'RU, Russia' }, ctx);
    expect(mil).toMatchObject({ ok: false, fieldErrors: { anyItemCountries: [expect.stringContaining('RUSSIA')] } });
    const kyc = parseRuleEdit(rule('kyc.red-flags'), { ...unchanged('kyc.red-flags'), 'flags.VAGUE_DELIVERY': ' ' }, ctx);
    expect(kyc).toMatchObject({ ok: false, fieldErrors: { 'flags.VAGUE_DELIVERY': ['VAGUE_DELIVERY: required'] } });
  });

  it('applies a valid edit: statuses, tri-state conditions, disabling', () => {
    const id = 'biometric.one-to-many.partly-free';
    const parsed = parseRuleEdit(
      rule(id),
      { ...unchanged(id), enabled: '', 'when.freedomStatuses': ['PF', 'NF'], 'when.liveVideo': 'yes', 'when.destinationNotInGroups': 'a:1' },
      ctx,
    );
    expect(parsed).toMatchObject({ ok: true, enabled: false });
    if (!parsed.ok) return;
    expect(parsed.params.when).toEqual({ governmentOrSurveillance: true, freedomStatuses: ['PF', 'NF'], liveVideo: true, destinationNotInGroups: ['A:1'] });
  });

  it('describes params in words', () => {
    const r = rule('end-user.military-744-21');
    const f = ruleFields(r.id, r.params);
    const words = Object.fromEntries(f.map((x) => [x.path, describeParam(x, r.params, (c) => ({ RU: 'Russia', BY: 'Belarus' })[c] ?? c)]));
    expect(words.endUserTypes).toBe('Military');
    expect(words.anyItemCountries).toBe('Belarus (BY), Russia (RU)');
    expect(words.anyItemOutcome).toBe('Prohibited');
  });
});

describe('country edits', () => {
  it('accepts known groups and statuses, refuses unknown ones', () => {
    expect(parseCountryEdit({ code: 'br', freedom: 'PF', groups: 'B, a:5' }, ctx)).toEqual({
      ok: true,
      data: { code: 'BR', freedom: 'PF', groups: ['A:5', 'B'] },
    });
    expect(parseCountryEdit({ code: 'BR', freedom: '', groups: '' }, ctx)).toEqual({ ok: true, data: { code: 'BR', freedom: null, groups: [] } });
    expect(parseCountryEdit({ code: 'BR', freedom: 'XX', groups: 'Q:1' }, ctx)).toMatchObject({
      ok: false,
      fieldErrors: { freedom: [expect.any(String)], groups: [expect.stringContaining('Q:1')] },
    });
  });
});

describe('rule form from the params schemas', () => {
  it('has a field for every param of every seed rule, with a label from the schema (no key-name guessing)', () => {
    for (const r of buildSeedRules()) {
      const fields = ruleFields(r.id, r.params);
      expect(fields.length, r.id).toBeGreaterThan(0);
      for (const f of fields) expect(f.label, `${r.id} ${f.path}`).not.toBe(f.path.split('.').at(-1));
    }
    const party = ruleFields('party.restricted-lists', rule('party.restricted-lists').params);
    expect(party.find((f) => f.path === 'lists.DPL.strongOutcome')).toMatchObject({ label: 'DPL: Outcome of a strong match', kind: { type: 'outcome' } });
    expect(party.find((f) => f.path === 'strongThreshold')).toMatchObject({ kind: { type: 'number', min: 0.5, max: 1, step: 0.01 } });
    const step = ruleFields('biometric.one-to-many.not-free', rule('biometric.one-to-many.not-free').params);
    expect(step.map((f) => f.path)).toEqual(expect.arrayContaining(['when.liveVideo', 'when.destinationInGroups', 'liveVideoOutcome']));
    expect(step.find((f) => f.path === 'liveVideoOutcome')).toMatchObject({ optional: true });
  });

  it('an unknown rule id has no fields', () => {
    expect(ruleFields('made.up', {})).toEqual([]);
  });
});

describe('country equivalences in the rule form', () => {
  it('edits lines "country | treatedAs | citation | url", refusing a line with a missing column or a bad code', () => {
    const id = 'country.equivalences';
    const ok = parseRuleEdit(rule(id), { ...unchanged(id), equivalences: 'HK | CN | FR Doc. 2020-28101 | https://www.federalregister.gov/d/2020-28101' }, ctx);
    expect(ok).toEqual({
      ok: true,
      enabled: true,
      params: { equivalences: [{ country: 'HK', treatedAs: 'CN', citation: 'FR Doc. 2020-28101', url: 'https://www.federalregister.gov/d/2020-28101' }] },
    });
    const missing = parseRuleEdit(rule(id), { ...unchanged(id), equivalences: 'HK | CN | no url' }, ctx);
    expect(missing).toMatchObject({ ok: false, fieldErrors: { equivalences: [expect.stringContaining('Line 1')] } });
    const bad = parseRuleEdit(rule(id), { ...unchanged(id), equivalences: 'Hong Kong | CN | cite | https://example.gov/x' }, ctx);
    expect(bad).toMatchObject({ ok: false, fieldErrors: { equivalences: ['Line 1: country: an ISO alpha-2 code'] } });
  });
});
