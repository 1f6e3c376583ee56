// Findings of a screening run, grouped by kind (worst first), each with its message, basis, citation,
// licence policy and the evidence that produced it — a party hit shows the list, the entry, the matched
// name or alias, the score and the matched tokens; a chart hit shows the ECCN's reason and the chart cell.
import type { ReactNode } from 'react';
import { Badge, OutcomeBadge } from '@/components/ui/badge';
import { countryLabel } from '@/lib/countries';
import { groupFindings, partyMatchEvidence } from '@/lib/cases/findings';
import { BASIS_LABEL, KIND_LABEL, humanize } from '@/lib/labels';
import { formatDate, formatNumber } from '@/lib/format';
import type { TFinding } from '@/lib/screening/types';
import { ClearMatchForm } from './small-forms';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-x-2 py-0.5 sm:grid-cols-[9rem_minmax(0,1fr)]">
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-slate-800">{children}</dd>
    </div>
  );
}

const scoreText = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

function PartyEvidence({ finding }: { finding: TFinding }) {
  const e = partyMatchEvidence(finding);
  if (!e) return <GenericEvidence evidence={finding.evidence} />;
  return (
    <dl className="text-sm">
      <Row label="Party">
        {e.partyName}
        {e.partyRole ? <span className="text-slate-500"> · {humanize(e.partyRole)}</span> : null}
      </Row>
      <Row label="List">
        {e.listName ?? e.listCode}
        {e.listAsOf ? <span className="text-slate-500"> · as of {e.listAsOf}</span> : null}
      </Row>
      <Row label="Entry">
        {e.entryName ?? '—'} <span className="text-slate-500">(id {e.entryId})</span>
        {e.entryPrograms.length ? <span className="text-slate-500"> · {e.entryPrograms.join(', ')}</span> : null}
      </Row>
      <Row label={e.matchedAlias ? 'Matched alias' : 'Matched name'}>{e.matchedName ?? '—'}</Row>
      <Row label="Score">
        {scoreText(e.score)}
        {e.match ? <span className="text-slate-500"> · {humanize(e.match)} match</span> : null}
      </Row>
      <Row label="Matched tokens">
        {e.matchedTokens.length === 0 ? (
          '—'
        ) : (
          <span className="flex min-w-0 flex-wrap gap-1.5">
            {e.matchedTokens.map((t, i) => (
              <span key={i} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all text-slate-700">
                {t.query} ≈ {t.candidate} <span className="text-slate-600">{scoreText(t.similarity)}</span>
              </span>
            ))}
          </span>
        )}
      </Row>
    </dl>
  );
}

function ChartEvidence({ evidence }: { evidence: Record<string, unknown> }) {
  const cell = evidence.chartCell as { country?: string; row?: string; column?: string; x?: boolean } | null | undefined;
  if (typeof evidence.reason !== 'string' && !cell) return <GenericEvidence evidence={evidence} />;
  return (
    <dl className="text-sm">
      {typeof evidence.eccn === 'string' ? <Row label="ECCN">{evidence.eccn}</Row> : null}
      {typeof evidence.reason === 'string' ? (
        <Row label="Reason for control">
          {evidence.reason}
          {typeof evidence.column === 'string' ? ` (column ${evidence.column})` : ''}
        </Row>
      ) : null}
      {typeof evidence.appliesTo === 'string' ? <Row label="Applies to">{evidence.appliesTo}</Row> : null}
      {cell ? (
        <Row label="Chart cell">
          {countryLabel(cell.row ?? cell.country)} row × {cell.column} column: <strong>{cell.x ? 'X (licence required)' : 'no X'}</strong>
          {cell.row && cell.country && cell.row !== cell.country ? (
            <span className="text-slate-500"> (destination {countryLabel(cell.country)} uses this row)</span>
          ) : null}
        </Row>
      ) : null}
    </dl>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

function GenericEvidence({ evidence }: { evidence: Record<string, unknown> }) {
  // Positions inside the stored input ("partyIndex": 0) are for the engine, not for people.
  const entries = Object.entries(evidence).filter(([k, v]) => v !== null && v !== undefined && !/Index$/.test(k));
  if (entries.length === 0) return null;
  return (
    <dl className="text-sm">
      {entries.slice(0, 10).map(([k, v]) => (
        <Row key={k} label={humanize(k.replace(/([a-z])([A-Z])/g, '$1_$2'))}>
          <span className="break-words">{show(v)}</span>
        </Row>
      ))}
    </dl>
  );
}

export function FindingItem({ finding, clear }: { finding: TFinding; clear?: { caseId: string; version: number; formId: string } }) {
  const party = partyMatchEvidence(finding);
  return (
    <li className={`px-4 py-3 ${finding.cleared ? 'bg-slate-50/60' : ''}`} data-testid="finding">
      <div className="flex flex-col items-start gap-2 sm:flex-row sm:gap-3">
        <div className="shrink-0 pt-0.5 sm:w-32">
          <OutcomeBadge outcome={finding.outcome} />
        </div>
        <div className="w-full min-w-0 flex-1 space-y-2">
          <p className="text-sm text-slate-900">{finding.message}</p>
          {finding.cleared ? (
            <p className="text-sm text-emerald-800">
              Cleared by {finding.cleared.by} on {formatDate(finding.cleared.at)}: “{finding.cleared.justification}”
            </p>
          ) : null}
          <dl className="text-sm">
            <Row label="Basis">{BASIS_LABEL[finding.basis] ?? finding.basis}</Row>
            <Row label="Citation">
              {finding.citationUrl && /^https:\/\//.test(finding.citationUrl) ? (
                <a
                  href={finding.citationUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:text-indigo-900"
                >
                  {finding.citation || finding.citationUrl}
                  <span className="sr-only"> (opens the regulation in a new tab)</span>
                </a>
              ) : (
                finding.citation || '—'
              )}
            </Row>
            {finding.licensePolicy ? <Row label="Licence policy">{finding.licensePolicy}</Row> : null}
          </dl>
          <details className="text-sm">
            <summary className="cursor-pointer text-slate-600 hover:text-slate-900">Evidence</summary>
            <div className="mt-1.5 rounded-md bg-slate-50 px-3 py-2">
              {finding.kind === 'PARTY_MATCH' ? (
                <PartyEvidence finding={finding} />
              ) : finding.kind === 'LICENSE_REQUIREMENT' ? (
                <ChartEvidence evidence={finding.evidence} />
              ) : (
                <GenericEvidence evidence={finding.evidence} />
              )}
            </div>
          </details>
          {clear && party && !finding.cleared && finding.outcome !== 'CLEAR' ? (
            <ClearMatchForm
              caseId={clear.caseId}
              version={clear.version}
              listCode={party.listCode}
              entryId={party.entryId}
              partyName={party.partyName}
              formId={clear.formId}
            />
          ) : null}
        </div>
      </div>
    </li>
  );
}

export function FindingGroups({ findings, clear }: { findings: TFinding[]; clear?: { caseId: string; version: number } }) {
  const groups = groupFindings(findings);
  if (groups.length === 0) return <p className="text-sm text-slate-500">No findings.</p>;
  return (
    <div className="space-y-4">
      {groups.map((g) => (
        <section key={g.kind} aria-label={KIND_LABEL[g.kind]} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          <h3 className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm font-semibold text-slate-800">
            <span>{KIND_LABEL[g.kind] ?? g.kind}</span>
            <span className="flex flex-wrap items-center gap-2 font-normal text-slate-600">
              {g.findings.length} finding{g.findings.length === 1 ? '' : 's'}
              {g.findings.some((f) => f.cleared) ? <Badge tone="slate">includes cleared</Badge> : null}
            </span>
          </h3>
          <ul className="divide-y divide-slate-100">
            {g.findings.map((f, i) => (
              <FindingItem key={`${f.ruleId}-${i}`} finding={f} clear={clear ? { ...clear, formId: `clear-${g.kind}-${i}` } : undefined} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
