// What an application says beyond its items — destination, parties, end use, regimes per item, red
// flags — for the officer's case file and the exporter's own page alike (one wording, one layout).
import type { ReactNode } from 'react';
import { countryLabel } from '@/lib/countries';
import { CONSIGNEE_ROLE_LABEL, END_USE_LABEL, END_USER_TYPE_LABEL, itemRegimeWords, labelOf } from '@/lib/labels';
import { RED_FLAGS } from '@/lib/validation/application';

/** The fields shown; a submitted application's input and a draft's data both have them. */
export type TApplicationSummaryData = {
  lineItems: readonly { name: string; subjectToEar?: string | null; euControlCode?: string | null }[];
  destination: { country: string; region: string | null };
  endUser: { name: string; country: string; address: string; type: string };
  consignees: readonly { name: string; country: string; role: string }[];
  endUse: { category: string; description: string };
  redFlags: readonly string[];
};

const EMPTY = <span className="text-slate-500">Not given</span>;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-1.5 sm:grid sm:grid-cols-[11rem_1fr] sm:gap-4">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export function ApplicationSummary({ data }: { data: TApplicationSummaryData }) {
  const regimes = data.lineItems.some((i) => i.subjectToEar !== undefined || i.euControlCode !== undefined);
  return (
    <dl className="divide-y divide-slate-100" data-testid="application-summary">
      <Field label="Destination">
        {data.destination.country ? countryLabel(data.destination.country) : EMPTY}
        {data.destination.region ? ` · region ${data.destination.region}` : ''}
      </Field>
      <Field label="End user">
        {data.endUser.name || EMPTY}
        <span className="text-slate-500">
          {data.endUser.type ? ` · ${labelOf(END_USER_TYPE_LABEL, data.endUser.type)}` : ''}
          {data.endUser.country ? ` · ${countryLabel(data.endUser.country)}` : ''}
        </span>
        {data.endUser.address ? (
          <>
            <br />
            <span className="text-slate-600">{data.endUser.address}</span>
          </>
        ) : null}
      </Field>
      <Field label="Consignees">
        {data.consignees.length === 0 ? (
          'None'
        ) : (
          <ul>
            {data.consignees.map((c, i) => (
              <li key={i}>
                {c.name || EMPTY}
                <span className="text-slate-500">
                  {c.role ? ` · ${labelOf(CONSIGNEE_ROLE_LABEL, c.role)}` : ''}
                  {c.country ? ` · ${countryLabel(c.country)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Field>
      <Field label="End use">
        {data.endUse.category ? labelOf(END_USE_LABEL, data.endUse.category) : EMPTY}
        {data.endUse.description ? (
          <>
            <br />
            <span className="whitespace-pre-line text-slate-600">{data.endUse.description}</span>
          </>
        ) : null}
      </Field>
      {regimes ? (
        <Field label="Regimes per item">
          <ul>
            {data.lineItems.map((i, n) => (
              <li key={n}>
                {n + 1}. {i.name} <span className="text-slate-500">· {itemRegimeWords(i)}</span>
              </li>
            ))}
          </ul>
        </Field>
      ) : null}
      <Field label="Red flags">
        {data.redFlags.length === 0 ? (
          'None declared'
        ) : (
          <ul className="list-disc pl-4">
            {data.redFlags.map((f) => (
              <li key={f}>{(RED_FLAGS as Record<string, string>)[f] ?? f}</li>
            ))}
          </ul>
        )}
      </Field>
    </dl>
  );
}
