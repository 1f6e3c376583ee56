// Parses what the exporter typed in the ECCN field: "EAR99", "3A981", "5A001.j", "5a001.J.1".
export type TParsedEccn =
  { kind: 'EAR99' } | { kind: 'ECCN'; eccn: string; paragraph: string | null; input: string } | { kind: 'UNCLASSIFIED' } | { kind: 'INVALID'; input: string };

export function parseEccn(input: string | null | undefined): TParsedEccn {
  if (input === null || input === undefined) return { kind: 'UNCLASSIFIED' };
  const text = String(input).trim();
  if (text === '') return { kind: 'UNCLASSIFIED' };
  if (/^ear\s*-?\s*99$/i.test(text)) return { kind: 'EAR99' };
  const m = /^(\d[A-Ea-e]\d{3})((?:\.[0-9A-Za-z]+)*)$/.exec(text);
  if (!m) return { kind: 'INVALID', input: text };
  const eccn = m[1]!.toUpperCase();
  const paragraph = m[2] ? m[2].slice(1).toLowerCase() : null;
  return { kind: 'ECCN', eccn, paragraph, input: paragraph ? `${eccn}.${paragraph}` : eccn };
}

/** How the exporter's paragraph relates to a paragraph reference in the CCL text. */
export function paragraphRelation(user: string, ref: string): 'INSIDE' | 'CONTAINS' | 'OUTSIDE' {
  if (user === ref || user.startsWith(`${ref}.`)) return 'INSIDE';
  if (ref.startsWith(`${user}.`)) return 'CONTAINS';
  return 'OUTSIDE';
}

/**
 * Whether a control scoped to `paragraphs` (minus `except`, and maybe minus `conditionalExcept`)
 * covers the exporter's paragraph: YES, NO, or MAYBE when the answer depends on a paragraph the
 * exporter did not give or on a condition the application cannot show. An outright exception wins
 * over any condition (the paragraph is outside the control whatever the condition).
 */
/** Whether `paragraph` stands in relation `r` to any of `refs`. */
function relatesToAny(paragraph: string | null, refs: string[], r: 'INSIDE' | 'CONTAINS'): boolean {
  return paragraph !== null && refs.some((e) => paragraphRelation(paragraph, e) === r);
}

export function scopeCovers(
  scope: { kind: 'ENTIRE' | 'PARAGRAPHS' | 'UNRESOLVED'; paragraphs?: string[]; except?: string[]; conditionalExcept?: string[]; qualified?: boolean },
  paragraph: string | null,
): 'YES' | 'MAYBE' | 'NO' {
  if (scope.kind === 'UNRESOLVED') return 'MAYBE';
  const except = scope.except ?? [];
  const conditional = scope.conditionalExcept ?? [];
  if (scope.kind === 'PARAGRAPHS') {
    if (paragraph === null) return 'MAYBE';
    const paragraphs = scope.paragraphs ?? [];
    if (!paragraphs.some((p) => paragraphRelation(paragraph, p) === 'INSIDE')) {
      return paragraphs.some((p) => paragraphRelation(paragraph, p) === 'CONTAINS') ? 'MAYBE' : 'NO';
    }
  } else if (paragraph === null) {
    return except.length > 0 || conditional.length > 0 || scope.qualified ? 'MAYBE' : 'YES';
  }
  if (relatesToAny(paragraph, except, 'INSIDE')) return 'NO';
  if (
    relatesToAny(paragraph, except, 'CONTAINS') ||
    relatesToAny(paragraph, conditional, 'INSIDE') ||
    relatesToAny(paragraph, conditional, 'CONTAINS') ||
    scope.qualified
  )
    return 'MAYBE';
  return 'YES';
}
