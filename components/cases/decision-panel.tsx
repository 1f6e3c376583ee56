'use client';
// The decision panel: Approve / Deny (one-item cases) or Decide per item (several items) / Request
// information / Escalate, each its own form with a Decision note. All four stay mounted (hidden when not chosen), so switching tabs loses no text.
import { useActionState, useState, type KeyboardEvent } from 'react';
import { decideAction } from '@/app/(officer)/cases/actions';
import { Button } from '@/components/ui/button';
import { TextInput, Textarea } from '@/components/ui/field';
import { errorsOf, IDLE, valueOf, type TActionState } from '@/lib/action-state';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { FormMessage } from '@/components/ui/form-message';
import { ItemDecisionForm, type TDecisionItem } from './item-decision-form';

type TKind = 'ITEMS' | 'APPROVE' | 'DENY' | 'REQUEST_INFO' | 'ESCALATE';
const TABS: { kind: TKind; label: string }[] = [
  { kind: 'ITEMS', label: 'Decide per item' },
  { kind: 'APPROVE', label: 'Approve' },
  { kind: 'DENY', label: 'Deny' },
  { kind: 'REQUEST_INFO', label: 'Request information' },
  { kind: 'ESCALATE', label: 'Escalate' },
];

export type TDecisionPanelProps = {
  caseId: string;
  version: number;
  outcome: 'CLEAR' | 'REVIEW' | 'LICENSE_REQUIRED' | 'PROHIBITED' | null;
  canEscalate: boolean;
  /** the case's line items: with more than one, Approve/Deny give way to the per-item decision */
  items: TDecisionItem[];
};

function Hidden({ caseId, version, type }: { caseId: string; version: number; type: TKind }) {
  return (
    <>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="type" value={type} />
    </>
  );
}

function NoteField({ state, prefix }: { state: TActionState; prefix: string }) {
  return (
    <Textarea
      id={`${prefix}-note`}
      name="note"
      label="Decision note"
      optional
      rows={2}
      help="Internal: why you decided this. Not shown to the exporter."
      errors={errorsOf(state, 'note')}
      defaultValue={valueOf(state, 'note')}
    />
  );
}

function ApproveForm({ caseId, version, outcome }: TDecisionPanelProps) {
  const [state, action, pending] = useActionState(decideAction, IDLE);
  const licence = outcome === 'LICENSE_REQUIRED';
  const countersign = outcome === 'LICENSE_REQUIRED' || outcome === 'PROHIBITED';
  return (
    <form action={action} aria-label="Approve" className="space-y-4">
      <Hidden caseId={caseId} version={version} type="APPROVE" />
      {countersign ? (
        <p className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
          This case is {outcome === 'PROHIBITED' ? 'prohibited' : 'licence-required'}: your approval needs a countersignature by a second officer before it
          takes effect.
        </p>
      ) : null}
      <Textarea
        id="approve-conditions"
        name="conditions"
        label="Conditions"
        optional
        rows={3}
        help="Shown to the exporter with the approval, e.g. no re-export without authorisation."
        errors={errorsOf(state, 'conditions')}
        defaultValue={valueOf(state, 'conditions')}
      />
      {licence ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextInput
            id="approve-licence-reference"
            name="licenseReference"
            label="Licence reference"
            help="The BIS licence number."
            errors={errorsOf(state, 'licenseReference')}
            defaultValue={valueOf(state, 'licenseReference')}
            autoComplete="off"
          />
          <TextInput
            id="approve-licence-expiry"
            name="licenseExpiresAt"
            type="date"
            label="Licence expiry date"
            help="Last day the licence is valid."
            errors={errorsOf(state, 'licenseExpiresAt')}
            defaultValue={valueOf(state, 'licenseExpiresAt')}
          />
        </div>
      ) : null}
      <NoteField state={state} prefix="approve" />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Approve'}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

function DenyForm({ caseId, version }: TDecisionPanelProps) {
  const [state, action, pending] = useActionState(decideAction, IDLE);
  return (
    <form action={action} aria-label="Deny" className="space-y-4">
      <Hidden caseId={caseId} version={version} type="DENY" />
      <Textarea
        id="deny-reason"
        name="reason"
        label="Reason"
        rows={3}
        help="Shown to the exporter."
        errors={errorsOf(state, 'reason')}
        defaultValue={valueOf(state, 'reason')}
      />
      <NoteField state={state} prefix="deny" />
      {/* a second step: denying is final (the exporter is told at once); without a reason the server's error is the answer */}
      <ConfirmSubmit
        variant="danger"
        disabled={pending}
        label={pending ? 'Saving…' : 'Deny'}
        confirmLabel="Deny the application"
        title="Deny this application?"
        skip={(form) => !String(new FormData(form).get('reason') ?? '').trim()}
        body={(form) => (
          <>
            <p>
              The case is closed as <strong>Denied</strong> and the exporter is told at once, with this reason:
            </p>
            <blockquote className="rounded-md bg-slate-50 px-3 py-2 whitespace-pre-wrap text-slate-800">
              {String(new FormData(form).get('reason') ?? '').trim()}
            </blockquote>
            <p>A denial cannot be undone; the exporter would have to submit a new application.</p>
          </>
        )}
      />
      <FormMessage state={state} />
    </form>
  );
}

function RequestInfoForm({ caseId, version }: TDecisionPanelProps) {
  const [state, action, pending] = useActionState(decideAction, IDLE);
  return (
    <form action={action} aria-label="Request information" className="space-y-4">
      <Hidden caseId={caseId} version={version} type="REQUEST_INFO" />
      <Textarea
        id="info-message"
        name="message"
        label="Message to the exporter"
        rows={4}
        help="The exporter sees this, can edit the application and resubmit it; it is screened again."
        errors={errorsOf(state, 'message')}
        defaultValue={valueOf(state, 'message')}
      />
      <NoteField state={state} prefix="info" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Sending…' : 'Request information'}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

function EscalateForm({ caseId, version }: TDecisionPanelProps) {
  const [state, action, pending] = useActionState(decideAction, IDLE);
  return (
    <form action={action} aria-label="Escalate" className="space-y-4">
      <Hidden caseId={caseId} version={version} type="ESCALATE" />
      <p className="text-sm text-slate-600">Sends the case to senior review. Any officer can still decide it afterwards.</p>
      <NoteField state={state} prefix="escalate" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Escalate'}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function DecisionPanel(props: TDecisionPanelProps) {
  const perItem = props.items.length > 1;
  const tabs = TABS.filter((t) => (t.kind !== 'ESCALATE' || props.canEscalate) && (perItem ? t.kind !== 'APPROVE' && t.kind !== 'DENY' : t.kind !== 'ITEMS'));
  const [active, setActive] = useState<TKind>(perItem ? 'ITEMS' : 'APPROVE');
  // Keyboard as the ARIA tabs pattern: one tab stop (roving tabindex), arrow keys move and select,
  // Home and End go to the first and last tab.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.kind === active);
    const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const kind = tabs[(next + tabs.length) % tabs.length]?.kind;
    if (!kind) return;
    setActive(kind);
    document.getElementById(`tab-${kind}`)?.focus();
  };
  return (
    <div>
      <div role="tablist" aria-label="Decision" onKeyDown={onKeyDown} className="grid grid-cols-2 gap-1 rounded-lg bg-slate-100 p-1">
        {tabs.map((t) => (
          <button
            key={t.kind}
            type="button"
            role="tab"
            id={`tab-${t.kind}`}
            aria-controls={`panel-${t.kind}`}
            aria-selected={active === t.kind}
            tabIndex={active === t.kind ? 0 : -1}
            onClick={() => setActive(t.kind)}
            className={`flex-1 rounded-md px-2.5 py-1.5 text-center text-sm font-medium ${active === t.kind ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-700 hover:text-slate-900'}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.kind}
          role="tabpanel"
          id={`panel-${t.kind}`}
          aria-labelledby={`tab-${t.kind}`}
          hidden={active !== t.kind}
          tabIndex={0}
          className="pt-4 focus-visible:rounded-md"
        >
          {t.kind === 'ITEMS' ? (
            <ItemDecisionForm caseId={props.caseId} version={props.version} items={props.items} />
          ) : t.kind === 'APPROVE' ? (
            <ApproveForm {...props} />
          ) : t.kind === 'DENY' ? (
            <DenyForm {...props} />
          ) : t.kind === 'REQUEST_INFO' ? (
            <RequestInfoForm {...props} />
          ) : (
            <EscalateForm {...props} />
          )}
        </div>
      ))}
    </div>
  );
}
