// Findings by legal regime (issue 16), for the officer's case page and the decision record: which
// regimes were screened (from the exporter's country of establishment and the findings), each with
// its worst outcome, its findings and the as-of dates of the data it was screened against.
import { OUTCOME_RANK } from '@/lib/screening/outcome';
import type { TDataset, TFinding, TOutcome, TRegime } from '@/lib/screening/types';

export const REGIME_ORDER: readonly TRegime[] = ['US_EAR', 'EU_2021_821', 'US_SANCTIONS', 'EU_SANCTIONS', 'UN', 'POLICY'];

const EU_RULE = /^eu\.|^biometric\.eu-dual-use-art5$/;

/** A finding's regime; findings stored before regimes read by their rule and basis. */
export function regimeOf(f: TFinding): TRegime {
  if (f.regime) return f.regime;
  if (f.ruleId === 'party.restricted-lists') return f.evidence.list === 'UN' ? 'UN' : f.evidence.list === 'SDN' ? 'US_SANCTIONS' : 'US_EAR';
  if (EU_RULE.test(f.ruleId)) return 'EU_2021_821';
  return f.basis === 'LAW' ? 'US_EAR' : 'POLICY';
}

export type TRegimeGroup = {
  regime: TRegime;
  /** worst outcome of its findings; null when it was screened with nothing found */
  worst: TOutcome | null;
  findings: TFinding[];
  /** why the regime did not apply to some or all items (EAR: items not subject to it) */
  note: string | null;
  datasets: TDataset[];
};

/** Which datasets each regime was screened against (by the dataset kinds the seed records). */
function datasetsFor(regime: TRegime, datasets: readonly TDataset[]): TDataset[] {
  const is = (d: TDataset, ...kinds: string[]) => kinds.includes(d.kind);
  switch (regime) {
    case 'US_EAR':
      return datasets.filter((d) => is(d, 'COUNTRY_CHART', 'COUNTRY_GROUPS', 'CCL', 'LICENCE_EXCEPTIONS') || ['PARTY_LIST_ENTITY_LIST', 'PARTY_LIST_DPL', 'PARTY_LIST_UVL', 'PARTY_LIST_MEU'].includes(d.kind));
    case 'US_SANCTIONS':
      return datasets.filter((d) => d.kind.startsWith('PARTY_LIST_') && !['PARTY_LIST_ENTITY_LIST', 'PARTY_LIST_DPL', 'PARTY_LIST_UVL', 'PARTY_LIST_MEU', 'PARTY_LIST_UN'].includes(d.kind) && !d.kind.startsWith('PARTY_LIST_EU'));
    case 'EU_2021_821':
      return datasets.filter((d) => is(d, 'EU_DUAL_USE_ANNEX_I'));
    case 'EU_SANCTIONS':
      return datasets.filter((d) => d.kind.startsWith('PARTY_LIST_EU'));
    case 'UN':
      return datasets.filter((d) => is(d, 'PARTY_LIST_UN'));
    case 'POLICY':
      return datasets.filter((d) => is(d, 'FREEDOM_STATUS'));
  }
}

/**
 * The regimes screened, side by side: the US EAR (for a US exporter, or any item subject to it or
 * not known to be), the EU regime and EU sanctions (EU exporters: their findings show it), US and UN
 * party lists (always), company policy (always). Findings of each, worst first.
 */
export function groupByRegime(findings: readonly TFinding[], options: { exporterCountry: string | null | undefined; datasets?: readonly TDataset[] }): TRegimeGroup[] {
  const exporter = options.exporterCountry ?? 'US';
  const by = new Map<TRegime, TFinding[]>();
  for (const f of findings) {
    const r = regimeOf(f);
    by.set(r, [...(by.get(r) ?? []), f]);
  }
  const earNotApplied = findings.filter((f) => f.ruleId === 'ear.applicability' && f.outcome === 'CLEAR');
  const euScreened = findings.some((f) => EU_RULE.test(f.ruleId) || regimeOf(f) === 'EU_2021_821' || regimeOf(f) === 'EU_SANCTIONS');
  const screened = new Set<TRegime>(['US_SANCTIONS', 'UN', 'POLICY', 'US_EAR', ...by.keys()]);
  if (euScreened) {
    screened.add('EU_2021_821');
    screened.add('EU_SANCTIONS');
  }
  return REGIME_ORDER.filter((r) => screened.has(r)).map((regime) => {
    const list = [...(by.get(regime) ?? [])].sort((a, b) => (b.cleared ? -1 : OUTCOME_RANK[b.outcome]) - (a.cleared ? -1 : OUTCOME_RANK[a.outcome]));
    const active = list.filter((f) => !f.cleared);
    const worst = active.length ? active.reduce<TOutcome>((w, f) => (OUTCOME_RANK[f.outcome] > OUTCOME_RANK[w] ? f.outcome : w), 'CLEAR') : null;
    const note =
      regime === 'US_EAR' && exporter !== 'US' && earNotApplied.length
        ? `Not applied to ${earNotApplied.length === 1 ? 'one item' : `${earNotApplied.length} item findings`} declared not subject to the EAR (exporter established in ${exporter}).`
        : null;
    return { regime, worst, findings: list, note, datasets: datasetsFor(regime, options.datasets ?? []) };
  });
}
