import type { Metadata } from 'next';
import { requireUser } from '@/lib/authz';
import { listActiveDataSources } from '@/lib/data/sources';
import { datasetLabel } from '@/lib/labels';

export const metadata: Metadata = { title: 'Data sources' };

// Attributions the sources require (the EU's reuse notice, the country-name licence) and the legal
// status of the rest; the rule set's own datasets come from the database.
const ATTRIBUTIONS: { title: string; body: string; href?: string }[] = [
  {
    title: 'European Union — Regulation (EU) 2021/821, Annex I and Annex II',
    body: 'Contains Annex I of Regulation (EU) 2021/821 (consolidated 2025-11-15, EUR-Lex 02021R0821-20251115). © European Union, http://eur-lex.europa.eu/ — reuse permitted provided the source is acknowledged (Commission Decision 2011/833/EU). Informational dataset; only the Official Journal of the European Union is authentic. EU arms embargoes, Annex IV and the EU restrictive measures are transcribed from the Official Journal texts each rule cites.',
    href: 'https://eur-lex.europa.eu/eli/reg/2021/821/oj',
  },
  {
    title: 'United Nations Security Council Consolidated List',
    body: 'The Security Council’s consolidated sanctions list in its official XML format. United Nations public data.',
    href: 'https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list',
  },
  {
    title: 'US Government works',
    body: 'The Export Administration Regulations (eCFR, 15 CFR Parts 730–774), the Commerce Country Chart and Country Groups, the Commerce Control List and the ITA Consolidated Screening List (OFAC, BIS, State) are works of the US Government, not subject to copyright (17 U.S.C. § 105). The eCFR is not an official legal edition.',
    href: 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C',
  },
  {
    title: 'Country names',
    body: 'Country names from the npm package i18n-iso-countries — MIT License, Copyright (c) 2016 widdix GmbH.',
  },
  {
    title: 'Freedom House',
    body: 'Freedom in the World 2023 statuses (Free / Partly Free / Not Free), used by the company biometric policy.',
  },
];

export default async function SourcesPage() {
  const actor = await requireUser();
  const { label, datasets } = await listActiveDataSources(actor);
  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Data sources</h1>
        <p className="mt-1 text-sm text-slate-600">
          What the screening is based on, with its dates and attributions. Clearance is not legal advice: check determinations against the authentic texts.
        </p>
      </div>
      <section aria-label="Attributions" className="space-y-3">
        <h2 className="text-base font-semibold text-slate-900">Attributions</h2>
        <ul className="space-y-3">
          {ATTRIBUTIONS.map((a) => (
            <li key={a.title} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
              <h3 className="text-sm font-semibold text-slate-900">{a.title}</h3>
              <p className="mt-1 text-sm text-slate-700">{a.body}</p>
              {a.href ? (
                <a href={a.href} target="_blank" rel="noopener noreferrer" className="mt-1 inline-block text-sm break-all text-indigo-700 underline">
                  {a.href}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Datasets in force" className="space-y-3">
        <h2 className="text-base font-semibold text-slate-900">Datasets of the rule set in force ({label})</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="Data sources table">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Dataset
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  As of
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Source
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {datasets.map((d, i) => (
                <tr key={`${d.kind}-${i}`} className="align-top">
                  <td className="px-3 py-2 font-medium text-slate-900">{datasetLabel(d.kind)}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-700">{d.asOf || '—'}</td>
                  <td className="px-3 py-2 text-slate-700">
                    <span className="break-words">{d.source}</span>
                    {d.sha256 ? <span className="mt-0.5 block font-mono text-xs break-all text-slate-500">SHA-256 {d.sha256}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
