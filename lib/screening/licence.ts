// Licence determination: the ECCN's reasons for control (per paragraph where the CCL text allows)
// × the destination's row of the Commerce Country Chart, plus the chart's footnotes. Works on one
// product (line item) and one destination country.

import { parseEccn, scopeCovers } from './eccn';
import { makeFinding } from './finding';
import { OUTCOME_RANK } from './outcome';
import type { TRuleSet } from './rule-set';
import type { TLicenceCountryChartParams } from './rules/licence-country-chart';
import type { TCclControl, TControlDestinations, TFinding, TItemRef, TOutcome, TRuleConfig, TScreeningProduct } from './types';

export const LICENCE_RULE = 'licence.country-chart';

function columnLabel(column: string): string {
  const m = /^([A-Z]{2})(\d)$/.exec(column);
  return m ? `${m[1]} Column ${m[2]}` : column;
}

function destinationNeeds(d: TControlDestinations, country: string, rowCountry: string, rs: TRuleSet): { needs: 'YES' | 'NO' | 'UNKNOWN'; why: string } {
  switch (d.kind) {
    case 'CHART': {
      const row = rs.chartRow(country);
      const x = row?.row.x.includes(d.column) ?? false;
      return { needs: x ? 'YES' : 'NO', why: x ? `has an X in ${columnLabel(d.column)}` : `has no X in ${columnLabel(d.column)}` };
    }
    case 'ALL':
      if (d.exceptCountries.includes(country) || d.exceptCountries.includes(rowCountry)) {
        return { needs: 'NO', why: `is excepted (licence required for all destinations except ${d.exceptCountries.join(', ')})` };
      }
      return {
        needs: 'YES',
        why: `needs a licence: this control applies to all destinations${d.exceptCountries.length ? ` except ${d.exceptCountries.join(', ')}` : ''}`,
      };
    case 'GROUPS': {
      const groups = rs.groupsOf(country);
      const inInclude = d.include.filter((g) => groups.includes(g));
      const extra = d.extraCountries.includes(country) || d.extraCountries.includes(rowCountry);
      const excluded = d.excludeIfIn.filter((g) => groups.includes(g));
      // A country the text names ("the United Arab Emirates or destinations in D:1, D:4 and D:5,
      // excluding any destination also in A:5 or A:6") needs a licence whatever its groups.
      if (extra) return { needs: 'YES', why: `is named in this control (${rs.countryName(country)})` };
      if (inInclude.length > 0 && excluded.length === 0) return { needs: 'YES', why: `is in Country Group ${inInclude.join(', ')}` };
      return { needs: 'NO', why: `is not in Country Groups ${d.include.join(', ')}${d.excludeIfIn.length ? ` outside ${d.excludeIfIn.join('/')}` : ''}` };
    }
    case 'COUNTRIES': {
      const yes = d.countries.includes(country) || d.countries.includes(rowCountry);
      return { needs: yes ? 'YES' : 'NO', why: yes ? 'is named in this control' : `is not among ${d.countries.join(', ')}` };
    }
    case 'NONE':
      return { needs: 'NO', why: 'no destination is named (N/A)' };
    default:
      return { needs: 'UNKNOWN', why: 'the destinations in the CCL text cannot be read automatically' };
  }
}

type TControlResult = {
  control: TCclControl;
  cover: 'YES' | 'MAYBE';
  needs: 'YES' | 'UNKNOWN';
  why: string;
  outcome: TOutcome;
};

export type TLicenceOptions = {
  /** why this country is looked at (e.g. "ultimate consignee"), shown in the finding; default: the destination */
  role?: string;
};

/** Licence policy and citation for a control whose CCL text cites a specific section. */
function controlPolicy(c: TCclControl, country: string, rs: TRuleSet): { policy: string | null; citation: string | null } {
  const section = c.section ?? null;
  if (c.reason === 'RS' && section?.startsWith('742.6(a)(6)')) {
    const d5 = rs.inGroup(country, 'D:5') || country === 'MO' || rs.chartRow(country)?.rowCountry === 'MO';
    return {
      policy: d5
        ? 'Presumption of denial for Macau and Country Group D:5 destinations (742.6(b)(10))'
        : 'Reviewed under 742.6(b)(10) (advanced computing items): case-by-case outside Macau and Country Group D:5',
      citation: `15 CFR ${section}; 15 CFR 742.6(b)(10)`,
    };
  }
  if (c.reason === 'SL') {
    return { policy: 'Licence required for all destinations, Canada included; review policy in 742.13(b)', citation: '15 CFR 742.13' };
  }
  return { policy: null, citation: section ? `15 CFR ${section}` : null };
}

/** A finding that the data cannot decide the licence requirement (module-level: no closure per check). */
function dataGap(rule: TRuleConfig, country: string, role: string | null, message: string, evidence: Record<string, unknown>): TFinding {
  return makeFinding(rule, {
    kind: 'DATA_GAP',
    outcome: 'REVIEW',
    message,
    evidence: { ...evidence, country, ...(role ? { role } : {}) },
    licensePolicy: null,
  });
}

export function checkLicence(product: TScreeningProduct, country: string, rs: TRuleSet, options: TLicenceOptions = {}): TFinding[] {
  const rule = rs.rules.get(LICENCE_RULE);
  if (!rule) return [];
  const params = rule.params as TLicenceCountryChartParams; // parsed by its schema in buildRuleSet
  const citations = params.citations;
  const policies = params.licensePolicies;
  const parsed = parseEccn(product?.eccn);
  const name = rs.countryName(country);
  const findings: TFinding[] = [];
  const role = options.role ?? null;

  if (parsed.kind === 'UNCLASSIFIED') {
    findings.push(
      dataGap(rule, country, role, 'The product is not classified (no ECCN). Classify it, or confirm it is EAR99, before a licence decision.', { eccn: null }),
    );
  } else if (parsed.kind === 'INVALID') {
    findings.push(dataGap(rule, country, role, `"${parsed.input}" is not a valid ECCN (expected EAR99 or e.g. 3A981, 5A001.j).`, { eccn: parsed.input }));
  }

  const chart = rs.chartRow(country);
  const part746 = params.part746?.[chart?.rowCountry ?? country];
  if (chart?.row.pointer && part746?.requirement === 'ALL_ITEMS_EXCEPT_EAR99_FOOD_MEDICINE') {
    // Syria since 2025-09-02 (90 FR 42320): a licence for every item subject to the EAR except EAR99
    // food and medicine (746.9(a)); License Exception SPP (740.5) for EAR99 items; the exceptions
    // are evaluated afterwards (licence-exceptions.ts).
    const asOf = part746.ecfrAsOf;
    const cite = part746.citation;
    const item =
      parsed.kind === 'EAR99'
        ? 'EAR99 items (other than food and medicine)'
        : parsed.kind === 'ECCN'
          ? `${parsed.input} (a CCL item)`
          : 'this item (not classified: treated as a CCL item)';
    findings.push(
      makeFinding(rule, {
        kind: 'EMBARGO',
        outcome: 'LICENSE_REQUIRED',
        message: `${name}: a licence is required for ${item} (${cite}, as in the eCFR of ${asOf}); the chart row says "${chart.row.pointer}"`,
        evidence: {
          eccn: parsed.kind === 'ECCN' ? parsed.input : parsed.kind === 'EAR99' ? 'EAR99' : null,
          country,
          chartRow: chart.rowCountry,
          pointer: chart.row.pointer,
          reason: part746.section,
          regulationAsOf: asOf,
          ...(role ? { role } : {}),
        },
        citation: cite,
        licensePolicy: part746.licensePolicy,
      }),
    );
    return findings;
  }
  if (chart?.row.pointer) {
    findings.push(
      makeFinding(rule, {
        kind: 'EMBARGO',
        outcome: 'PROHIBITED',
        message: `${name}'s Country Chart row has no columns; it says: "${chart.row.pointer}" (embargo, Part 746).`,
        evidence: { country, chartRow: chart.rowCountry, pointer: chart.row.pointer },
        citation: 'Supp. 1 to Part 738; 15 CFR Part 746',
        licensePolicy: 'Embargo: general policy of denial',
      }),
    );
    return findings;
  }
  if (!chart) {
    findings.push(
      dataGap(
        rule,
        country,
        role,
        `${name} (${country || 'no country'}) has no row in the Commerce Country Chart, so the licence requirement cannot be read; an officer must decide.`,
        {
          country,
          chartRow: null,
        },
      ),
    );
    return findings;
  }
  const inherited = chart.inheritedFrom ? { inheritedFrom: chart.inheritedFrom } : {};
  const rowName = chart.inheritedFrom ? `${name} (governed by ${rs.countryName(chart.rowCountry)}'s row)` : name;

  if (parsed.kind === 'EAR99') {
    findings.push(
      makeFinding(rule, {
        outcome: 'CLEAR',
        message: `EAR99 items need no licence under the Country Chart for ${name} (other rules still apply).`,
        evidence: { eccn: 'EAR99', country, chartRow: chart.rowCountry, ...inherited },
      }),
    );
    return findings;
  }
  if (parsed.kind !== 'ECCN') return findings;

  const entry = rs.ccl.get(parsed.eccn);
  const label = parsed.input;
  if (!entry) {
    findings.push(
      dataGap(
        rule,
        country,
        role,
        `${parsed.eccn} is not in the rule set's Commerce Control List; check the classification (an ECCN missing here is not EAR99).`,
        { eccn: label },
      ),
    );
    return findings;
  }
  if (entry.controls.length === 0) {
    const rfc = entry.reasonForControl ? ` (its Reason for Control: ${entry.reasonForControl})` : '';
    findings.push(
      dataGap(rule, country, role, `The CCL data has no licence-requirements table for ${parsed.eccn}${rfc}; an officer must read the entry.`, {
        eccn: label,
        reasonForControl: entry.reasonForControl ?? null,
      }),
    );
    return findings;
  }
  const top = parsed.paragraph?.split('.')[0] ?? null;
  const known = entry.paragraphs ?? [];
  // A paragraph the CCL text does not have: the classification is doubtful (heading-only entries of
  // the 2026 text have no paragraphs at all).
  const unknownParagraph = top !== null && (known.length > 0 ? !known.some((p) => p === top || p.startsWith(`${top}.`)) : entry.paragraphSource === '2026');
  if (unknownParagraph) {
    const list = known.filter((p) => !p.includes('.'));
    findings.push(
      dataGap(
        rule,
        country,
        role,
        `Paragraph .${top} is not in the text of ${parsed.eccn} in the CCL data (${list.length ? `paragraphs ${list.join(', ')}` : 'its items are in the heading'}; ${entry.paragraphSource} file); check the classification.`,
        {
          eccn: label,
          paragraph: parsed.paragraph,
          knownParagraphs: known.filter((p) => !p.includes('.')),
          paragraphSource: entry.paragraphSource ?? null,
        },
      ),
    );
  }

  const results: TControlResult[] = [];
  const notRequired: { reason: string; column: string | null; why: string }[] = [];
  for (const control of entry.controls) {
    const cover = scopeCovers(control.scope, parsed.paragraph);
    if (cover === 'NO') continue;
    const d = destinationNeeds(control.destinations, country, chart.rowCountry, rs);
    if (d.needs === 'NO') {
      notRequired.push({ reason: control.reason, column: control.column, why: d.why });
      continue;
    }
    const outcome: TOutcome = d.needs === 'UNKNOWN' ? 'REVIEW' : control.outcome;
    results.push({ control, cover, needs: d.needs, why: d.why, outcome });
  }

  const definiteRank = Math.max(-1, ...results.filter((r) => r.cover === 'YES').map((r) => OUTCOME_RANK[r.outcome]));
  const maybeRank = Math.max(-1, ...results.filter((r) => r.cover === 'MAYBE').map((r) => OUTCOME_RANK[r.outcome]));
  const dependsOnParagraph = maybeRank > definiteRank;

  for (const r of results) {
    if (r.cover === 'MAYBE' && !dependsOnParagraph) continue;
    const c = r.control;
    const what = c.column ?? c.reason;
    const scopeText = c.scope.kind === 'ENTIRE' && c.scope.except.length === 0 ? '' : ` (applies to ${c.appliesTo.trim()})`;
    let message: string;
    if (r.needs === 'UNKNOWN') {
      message = `${label} is controlled for ${c.reason}${scopeText}; whether ${name} needs a licence cannot be read automatically: "${c.chartText.slice(0, 200)}".`;
    } else if (c.destinations.kind === 'CHART') {
      message = `${label} is controlled for ${what}${scopeText}; ${rowName} has an X in ${columnLabel(what)}.`;
    } else {
      message = `${label} is controlled for ${c.reason}${scopeText}; ${rowName} ${r.why}.`;
    }
    if (r.cover === 'MAYBE') message = `May apply: ${message}`;
    if (c.destinationCondition && r.needs === 'YES') message += ` The CCL text adds a condition the form cannot show: "${c.destinationCondition}".`;
    if (role) message += ` (${name} is the country of the ${role}.)`;
    const special = controlPolicy(c, country, rs);
    const generic = typeof citations[c.reason] === 'string' ? (citations[c.reason] as string) : null;
    findings.push(
      makeFinding(rule, {
        outcome: r.outcome,
        message,
        citation: `${special.citation ?? generic ?? '15 CFR Part 742'}; Supp. 1 to Part 774 (${parsed.eccn})${c.column ? `; Supp. 1 to Part 738 (${c.column})` : ''}`,
        licensePolicy: special.policy ?? (typeof policies[c.reason] === 'string' ? (policies[c.reason] as string) : null),
        evidence: {
          eccn: label,
          paragraph: parsed.paragraph,
          country,
          ...(role ? { role } : {}),
          reason: c.reason,
          column: c.column,
          appliesTo: c.appliesTo,
          paragraphMatch: r.cover,
          scope: c.scope,
          destinations: c.destinations,
          section: c.section ?? null,
          reading: c.reading ?? null,
          destinationCondition: c.destinationCondition ?? null,
          cclSource: c.source ?? null,
          chartCell: c.destinations.kind === 'CHART' ? { country, row: chart.rowCountry, column: c.column, x: true } : null,
          ...inherited,
        },
      }),
    );
  }
  if (dependsOnParagraph) {
    const asks =
      parsed.paragraph === null
        ? `Give the paragraph of ${parsed.eccn} (e.g. ${parsed.eccn}.a): the licence requirement for ${name} depends on it, so the strictest reading was applied.`
        : `The CCL text for ${label} has conditions that cannot be checked automatically; the strictest reading was applied for ${name}. Confirm which controls apply.`;
    findings.push(dataGap(rule, country, role, asks, { eccn: label, paragraph: parsed.paragraph, country }));
  }

  findings.push(...checkFootnotes(parsed.eccn, parsed.paragraph, label, country, rs));

  if (!findings.some((f) => f.outcome !== 'CLEAR')) {
    const checked = notRequired.map((n) => n.column ?? n.reason);
    findings.push(
      makeFinding(rule, {
        outcome: 'CLEAR',
        message: `${label} is controlled for ${[...new Set(checked)].join(', ') || 'no chart reason'}; ${rowName} has no X in ${checked.length === 1 ? 'that column' : 'those columns'}, so the Country Chart requires no licence.`,
        evidence: { eccn: label, paragraph: parsed.paragraph, country, chartRow: chart.rowCountry, notRequired, ...inherited },
      }),
    );
  }
  return findings;
}

function itemCovers(item: TItemRef, eccn: string, paragraph: string | null): 'YES' | 'MAYBE' | 'NO' {
  if (item.eccn !== eccn) return 'NO';
  if (item.paragraphs && item.paragraphs.length > 0) {
    return scopeCovers({ kind: 'PARAGRAPHS', paragraphs: item.paragraphs, except: item.exceptParagraphs ?? [] }, paragraph);
  }
  return scopeCovers({ kind: 'ENTIRE', except: item.exceptParagraphs ?? [] }, paragraph);
}

function checkFootnotes(eccn: string, paragraph: string | null, label: string, country: string, rs: TRuleSet): TFinding[] {
  const rule = rs.rules.get(LICENCE_RULE)!;
  const chart = rs.chartRow(country);
  if (!chart) return [];
  const name = rs.countryName(country);
  const out: TFinding[] = [];
  for (const n of chart.row.footnotes) {
    const fn = rs.data.countries.chart.footnotes[String(n)];
    if (!fn) continue;
    const effect = fn.effect;
    const evidence = { eccn: label, country, chartRow: chart.rowCountry, footnote: n, footnoteText: fn.text };
    const citation = `Supp. 1 to Part 738, footnote ${n}`;
    if (effect.kind === 'CCL_ITEMS_REVIEW') {
      out.push(
        makeFinding(rule, {
          outcome: 'REVIEW',
          message: `Country Chart footnote ${n} for ${name} points to further requirements for CCL items: "${fn.text.slice(0, 220)}"`,
          evidence,
          citation,
          licensePolicy: null,
        }),
      );
    } else if (effect.kind === 'ITEMS_LICENSE_REQUIRED' || effect.kind === 'ITEMS_REVIEW') {
      const covers = effect.items.map((it) => itemCovers(it, eccn, paragraph));
      const hit = covers.includes('YES') ? 'YES' : covers.includes('MAYBE') ? 'MAYBE' : 'NO';
      if (hit === 'NO') continue;
      const outcome: TOutcome = effect.kind === 'ITEMS_LICENSE_REQUIRED' ? 'LICENSE_REQUIRED' : 'REVIEW';
      out.push(
        makeFinding(rule, {
          outcome,
          message: `${hit === 'MAYBE' ? 'May apply: ' : ''}Country Chart footnote ${n}: ${outcome === 'LICENSE_REQUIRED' ? 'a licence is required' : 'special provisions apply'} to ${name} for ${label}, although the grid may show no X.`,
          evidence,
          citation,
        }),
      );
      if (hit === 'MAYBE') {
        out.push(
          makeFinding(rule, {
            kind: 'DATA_GAP',
            outcome: 'REVIEW',
            message: `Give the paragraph of ${eccn}: footnote ${n} for ${name} covers only some of it.`,
            evidence,
            citation,
            licensePolicy: null,
          }),
        );
      }
    }
  }
  return out;
}
