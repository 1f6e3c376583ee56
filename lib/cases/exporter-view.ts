// The ONE exporter-facing projection of screening results. Everything an exporter receives — the
// application page, GET /api/v1/applications/:id, POST /api/v1/screen, the decision-record PDF —
// goes through it: what was found, why and where it is written; never match evidence, who cleared
// a match or why, or anything officers wrote for themselves. Pure (no Prisma, no Next).
import type { TFinding, TScreeningResult } from '@/lib/screening/types';

/** A finding as the exporter sees it: what, why and where it is written; no match evidence. */
export type TExporterFinding = Pick<TFinding, 'ruleId' | 'kind' | 'outcome' | 'basis' | 'citation' | 'licensePolicy' | 'message' | 'lineItem' | 'regime'>;

/** Where the finding applies: its line item, and the legal regime it comes from (US EAR, EU 2021/821, UN, policy). */
const at = (f: TFinding) => ({ ...(typeof f.lineItem === 'number' ? { lineItem: f.lineItem } : {}), ...(f.regime ? { regime: f.regime } : {}) });

export function findingsForExporter(json: unknown): TExporterFinding[] {
  const findings = Array.isArray(json) ? (json as TFinding[]) : [];
  // A party hit an officer cleared as a false positive no longer concerns the exporter.
  const open = findings.filter((f) => f && typeof f === 'object' && !f.cleared);
  // Several possible (not strong) matches for one party read as one finding, naming the entries.
  const possible = new Map<string, TFinding[]>();
  const out: (TFinding | TFinding[])[] = [];
  for (const f of open) {
    const party = (f.evidence as { party?: { role?: string; index?: number; name?: string } } | undefined)?.party;
    if (f.kind !== 'PARTY_MATCH' || f.outcome !== 'REVIEW' || !party?.name) {
      out.push(f);
      continue;
    }
    const key = `${party.role}:${party.index}`;
    const group = possible.get(key);
    if (group) group.push(f);
    else {
      const fresh = [f];
      possible.set(key, fresh);
      out.push(fresh);
    }
  }
  return out.map((item) => {
    if (!Array.isArray(item)) {
      const { ruleId, kind, outcome, basis, citation, licensePolicy, message } = item;
      return { ruleId, kind, outcome, basis, citation, licensePolicy: licensePolicy ?? null, message, ...at(item) };
    }
    const [first] = item as [TFinding, ...TFinding[]];
    if (item.length === 1)
      return {
        ruleId: first.ruleId,
        kind: first.kind,
        outcome: first.outcome,
        basis: first.basis,
        citation: first.citation,
        licensePolicy: first.licensePolicy ?? null,
        message: first.message,
        ...at(first),
      };
    const ev = (f: TFinding) => f.evidence as { party?: { name?: string }; entryName?: string; listName?: string };
    const byList = new Map<string, string[]>();
    for (const f of item) {
      const list = ev(f).listName ?? 'a restricted-party list';
      byList.set(list, [...(byList.get(list) ?? []), `"${ev(f).entryName ?? '?'}"`]);
    }
    const names = [...byList].map(
      ([list, entries]) => `on the ${list}: ${entries.slice(0, 5).join(', ')}${entries.length > 5 ? ` and ${entries.length - 5} more` : ''}`,
    );
    return {
      ruleId: first.ruleId,
      kind: first.kind,
      outcome: first.outcome,
      basis: first.basis,
      citation: [...new Set(item.map((f) => f.citation))].join('; '),
      licensePolicy: first.licensePolicy ?? null,
      ...at(first),
      message: `"${ev(first).party?.name}" possibly matches ${item.length} restricted-party entries ${names.join('; ')}. A compliance officer will confirm or clear them.`,
    };
  });
}

/** A screening result as an exporter may see it (the screen API's answer). */
export function exporterScreeningResult(result: TScreeningResult) {
  return {
    outcome: result.outcome,
    ruleSetVersion: result.ruleSetVersion,
    findings: findingsForExporter(result.findings),
    ...(result.lineItems
      ? { lineItems: result.lineItems.map((li) => ({ position: li.position, outcome: li.outcome, findings: findingsForExporter(li.findings) })) }
      : {}),
  };
}

/** Exporter findings in the engine's shape, for renderers typed on TFinding (the PDF): no evidence, never cleared. */
export const exporterFindingsAsFindings = (json: unknown): TFinding[] => findingsForExporter(json).map((f) => ({ ...f, evidence: {} }));

/** Keys that must never reach an exporter, at any depth (the projection's test walks every route's answer for them). */
export const INTERNAL_KEYS = ['cleared', 'justification', 'evidence', 'note', 'clearedBy', 'internal'] as const;
