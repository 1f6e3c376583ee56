// The regimes screened, side by side (issue 16): one column per legal regime (US EAR, EU 2021/821,
// US and UN sanctions lists, EU sanctions, company policy) with its worst outcome, each finding's
// outcome, words and citation (per line item when there are several), and the data it was screened
// against. The full evidence stays in the findings below, grouped by kind.
import { Badge, OutcomeBadge } from '@/components/ui/badge';
import { groupByRegime } from '@/lib/cases/regimes';
import { REGIME_LABEL, datasetLabel } from '@/lib/labels';
import type { TDataset, TFinding } from '@/lib/screening/types';

export function RegimeColumns({ findings, exporterCountry, datasets, itemNames }: { findings: TFinding[]; exporterCountry: string | null | undefined; datasets: TDataset[]; itemNames?: string[] }) {
  const groups = groupByRegime(findings, { exporterCountry, datasets });
  return (
    <section aria-label="Regimes screened" className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-800">By regime{exporterCountry && exporterCountry !== 'US' ? <span className="font-normal text-slate-500"> · exporter established in {exporterCountry}</span> : null}</h3>
      <div className="grid gap-3 md:grid-cols-2">
        {groups.map((g) => (
          <article key={g.regime} aria-label={REGIME_LABEL[g.regime]} data-testid={`regime-${g.regime}`} className="flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white">
            <header className="flex items-start justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2">
              <h4 className="text-sm font-semibold text-slate-800">{REGIME_LABEL[g.regime]}</h4>
              {g.worst ? <OutcomeBadge outcome={g.worst} /> : <Badge tone="slate">Nothing found</Badge>}
            </header>
            <ul className="flex-1 divide-y divide-slate-100">
              {g.findings.length === 0 ? <li className="px-3 py-2 text-sm text-slate-500">Screened; no finding.</li> : null}
              {g.findings.map((f, i) => (
                <li key={`${f.ruleId}-${f.lineItem ?? 'all'}-${i}`} className={`space-y-1 px-3 py-2 text-sm ${f.cleared ? 'opacity-60' : ''}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <OutcomeBadge outcome={f.outcome} />
                    {itemNames && itemNames.length > 1 ? (
                      <span className="text-xs text-slate-500">{f.lineItem === undefined || f.lineItem === null ? 'every item' : `item ${f.lineItem + 1}${itemNames[f.lineItem] ? ` · ${itemNames[f.lineItem]}` : ''}`}</span>
                    ) : null}
                    {f.cleared ? <Badge tone="slate">cleared</Badge> : null}
                  </div>
                  <p className="line-clamp-4 text-slate-800">{f.message}</p>
                  <p className="text-xs text-slate-500">{f.citation}</p>
                </li>
              ))}
            </ul>
            {g.note || g.datasets.length ? (
              <footer className="border-t border-slate-100 px-3 py-1.5 text-xs text-slate-500">
                {g.note ? <p>{g.note}</p> : null}
                {g.datasets.length ? <p>Data: {g.datasets.map((d) => `${datasetLabel(d.kind)} ${d.asOf}`).join(' · ')}</p> : null}
              </footer>
            ) : null}
          </article>
        ))}
      </div>
    </section>
  );
}
