// Where the exporter stands, in words written for the state the case is in: the decision banner
// (Approved / Approved in part / Denied, conditions or reasons, the licence and whether a government
// licence is still needed before shipping), or what happens next while the case is open.
import { formatDate } from '@/lib/format';
import type { TExporterApplication } from '@/lib/data/applications';

type TItem = TExporterApplication['lineItems'][number];

const itemName = (item: TItem, count: number) => (count > 1 ? `Item ${item.position + 1} (${item.name})` : item.name);

/** Plain words on the government licence an approved item still needs before shipping. */
export function licenceWords(item: TItem): string {
  const d = item.decision;
  if (d?.licenseReference) return `a BIS licence is required: ${d.licenseReference}${d.licenseExpiresAt ? ` until ${formatDate(d.licenseExpiresAt)}` : ''}`;
  if (item.outcome === 'LICENSE_REQUIRED' || item.outcome === 'PROHIBITED') return 'a BIS licence is required before shipping; none is recorded yet';
  return 'no BIS licence is needed before shipping';
}

const TONE = {
  APPROVED: 'border-emerald-300 bg-emerald-50 text-emerald-950',
  APPROVED_IN_PART: 'border-amber-300 bg-amber-50 text-amber-950',
  DENIED: 'border-red-300 bg-red-50 text-red-950',
} as const;

export function DecisionBanner({ app }: { app: TExporterApplication }) {
  if (app.status !== 'APPROVED' && app.status !== 'APPROVED_IN_PART' && app.status !== 'DENIED') return null;
  const items = app.lineItems;
  const approved = items.filter((i) => i.decision?.type === 'APPROVE');
  const refused = items.filter((i) => i.decision?.type === 'DENY');
  const caseDecision = app.decisions.filter((d) => d.type === 'APPROVE' || d.type === 'APPROVE_IN_PART' || d.type === 'DENY').at(-1);
  const n = items.length;
  const title = app.status === 'APPROVED' ? 'Approved' : app.status === 'APPROVED_IN_PART' ? 'Approved in part' : 'Denied';
  let lead: string;
  if (app.status === 'DENIED')
    lead = n > 1 ? 'Clearance denied this export: none of its items may be exported under this application.' : 'Clearance denied this export: do not ship it.';
  else if (app.status === 'APPROVED_IN_PART')
    lead = `Clearance approved ${approved.length} of ${n} items. Only the approved items may be exported; the refused items may not be shipped under this application.`;
  else if (n === 1 && items[0]) lead = `Clearance approved this export; ${licenceWords(items[0])}.`;
  else lead = 'Clearance approved this export (every item).';
  return (
    <section aria-labelledby="decision-banner-h" data-testid="decision-banner" className={`rounded-lg border-2 p-5 sm:p-6 ${TONE[app.status]}`}>
      <p className="text-xs font-semibold tracking-wide uppercase opacity-75">Decision{app.decidedAt ? `, ${formatDate(app.decidedAt)}` : ''}</p>
      <h2 id="decision-banner-h" className="mt-1 text-xl font-semibold">
        {title}
      </h2>
      <p className="mt-2 text-sm">{lead}</p>
      {n > 1 && approved.length > 0 ? (
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm" aria-label="Approved items">
          {approved.map((i) => (
            <li key={i.position}>
              <span className="font-medium">{itemName(i, n)}</span>: approved; {licenceWords(i)}.
              {i.decision?.conditions ? ` Conditions: ${i.decision.conditions}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {n === 1 && approved[0]?.decision?.conditions ? (
        <p className="mt-2 text-sm">
          <span className="font-medium">Conditions:</span> {approved[0].decision.conditions}
        </p>
      ) : null}
      {refused.length > 0 ? (
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm" aria-label="Refused items">
          {refused.map((i) => (
            <li key={i.position}>
              <span className="font-medium">{itemName(i, n)}</span>: refused{i.decision?.reason ? `. Reason: ${i.decision.reason}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {refused.length === 0 && app.status === 'DENIED' && caseDecision?.reason ? (
        <p className="mt-2 text-sm">
          <span className="font-medium">Reason:</span> {caseDecision.reason}
        </p>
      ) : null}
      <p className="mt-3 text-xs opacity-80">
        Clearance supports compliance decisions; it is not legal advice. Ship only what is approved, under its conditions and any licence named here.
      </p>
    </section>
  );
}

/** One sentence for the state an undecided application is in (never "reviews the case" once decided). */
export function stateWords(app: TExporterApplication): string {
  switch (app.status) {
    case 'DRAFT':
      return 'Draft: nothing is screened or sent to a reviewer until you submit it.';
    case 'SUBMITTED':
    case 'IN_REVIEW':
    case 'ESCALATED':
      return 'Submitted and screened. A compliance officer reviews each item and decides; you will see the decision here.';
    case 'AWAITING_COUNTERSIGNATURE':
      return 'An officer has decided; a second officer must countersign before the decision takes effect. Do not ship yet.';
    case 'INFO_REQUESTED':
      return 'The compliance officer needs more information from you: answer the question below, edit and resubmit.';
    case 'WITHDRAWN':
      return `You withdrew this application${app.withdrawnAt ? ` on ${formatDate(app.withdrawnAt)}` : ''}. It is no longer reviewed and stays in your records. Do not ship under it.`;
    case 'APPROVED':
    case 'APPROVED_IN_PART':
    case 'DENIED':
      return 'Decided: see the decision above.';
  }
}
