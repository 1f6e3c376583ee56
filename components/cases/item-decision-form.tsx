'use client';
// Per-item decision: Approve or Refuse each line item (a reason for each refusal; conditions, and the
// licence reference and expiry for an approved licence-required item), then one decision for the
// case, which follows from the items: Approved, Approved in part or Denied. Every field stays mounted
// (hidden when not relevant), so switching an item's choice loses nothing typed. The form is sent
// from onSubmit rather than through `action`: React resets a form after its action, which would
// uncheck the controlled radios while their state still says "Refuse" (the choice would look lost
// after an error and the next submit would miss it).
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { decideItemsAction } from '@/app/(officer)/cases/actions';
import { Button } from '@/components/ui/button';
import { OutcomeBadge, type TOutcomeCode } from '@/components/ui/badge';
import { TextInput, Textarea } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { errorsOf, IDLE, valueOf } from '@/lib/action-state';

export type TDecisionItem = { position: number; name: string; eccn: string | null; outcome: TOutcomeCode | null };

const RESULT_LABEL = { APPROVE: 'Approved', APPROVE_IN_PART: 'Approved in part', DENY: 'Denied' } as const;

export function ItemDecisionForm({ caseId, version, items }: { caseId: string; version: number; items: TDecisionItem[] }) {
  const [state, action, pending] = useActionState(decideItemsAction, IDLE);
  const [choices, setChoices] = useState<Record<number, 'APPROVE' | 'DENY' | undefined>>(() =>
    Object.fromEntries(items.map((i) => [i.position, valueOf(state, `items.${i.position}.decision`) as 'APPROVE' | 'DENY' | undefined])),
  );
  const chosen = items.map((i) => choices[i.position]);
  const approved = chosen.filter((c) => c === 'APPROVE').length;
  const result = chosen.some((c) => !c) ? null : approved === 0 ? 'DENY' : approved === items.length ? 'APPROVE' : 'APPROVE_IN_PART';
  const countersign = items.some((i) => choices[i.position] === 'APPROVE' && (i.outcome === 'LICENSE_REQUIRED' || i.outcome === 'PROHIBITED'));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };

  return (
    <form onSubmit={submit} aria-label="Decide per item" className="space-y-4">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <ol className="space-y-3">
        {items.map((item, i) => {
          const p = `items.${item.position}`;
          const choice = choices[item.position];
          const decisionErrors = errorsOf(state, `items.${i}.decision`);
          return (
            <li key={item.position}>
              <fieldset className="rounded-md border border-slate-200 p-3" aria-labelledby={`decide-${item.position}-legend`}>
                <legend className="w-full">
                  <span id={`decide-${item.position}-legend`} className="text-sm font-semibold text-slate-900">
                    Line item {item.position + 1}: {item.name}
                  </span>
                </legend>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  <span className="font-mono">{item.eccn ?? 'Not classified'}</span> <OutcomeBadge outcome={item.outcome} />
                </p>
                <div
                  className="mt-2 flex gap-4"
                  role="radiogroup"
                  aria-label={`Decision for line item ${item.position + 1}`}
                  aria-describedby={decisionErrors ? `decide-${item.position}-error` : undefined}
                >
                  {(['APPROVE', 'DENY'] as const).map((v) => (
                    <label key={v} className="flex items-center gap-2 text-sm">
                      <input
                        type="radio"
                        name={`${p}.decision`}
                        value={v}
                        checked={choice === v}
                        onChange={() => setChoices((c) => ({ ...c, [item.position]: v }))}
                        className="h-4 w-4 accent-indigo-600"
                      />
                      {v === 'APPROVE' ? 'Approve' : 'Refuse'}
                    </label>
                  ))}
                </div>
                {decisionErrors ? (
                  <p id={`decide-${item.position}-error`} className="mt-1 text-sm text-red-700">
                    {decisionErrors.join('; ')}
                  </p>
                ) : null}
                <div hidden={choice !== 'APPROVE'} className="mt-3 space-y-3">
                  <Textarea
                    id={`decide-${item.position}-conditions`}
                    name={`${p}.conditions`}
                    label="Conditions"
                    optional
                    rows={2}
                    help="Shown to the exporter with the approval."
                    errors={errorsOf(state, `items.${i}.conditions`)}
                    defaultValue={valueOf(state, `${p}.conditions`)}
                  />
                  {item.outcome === 'LICENSE_REQUIRED' || item.outcome === 'PROHIBITED' ? (
                    <div className="grid gap-3">
                      <TextInput
                        id={`decide-${item.position}-licence`}
                        name={`${p}.licenseReference`}
                        label="Licence reference"
                        help="The BIS licence number."
                        autoComplete="off"
                        optional={item.outcome !== 'LICENSE_REQUIRED'}
                        errors={errorsOf(state, `items.${i}.licenseReference`)}
                        defaultValue={valueOf(state, `${p}.licenseReference`)}
                      />
                      <TextInput
                        id={`decide-${item.position}-expiry`}
                        name={`${p}.licenseExpiresAt`}
                        type="date"
                        label="Licence expiry date"
                        optional={item.outcome !== 'LICENSE_REQUIRED'}
                        errors={errorsOf(state, `items.${i}.licenseExpiresAt`)}
                        defaultValue={valueOf(state, `${p}.licenseExpiresAt`)}
                      />
                    </div>
                  ) : null}
                </div>
                <div hidden={choice !== 'DENY'} className="mt-3">
                  <Textarea
                    id={`decide-${item.position}-reason`}
                    name={`${p}.reason`}
                    label="Reason for refusing"
                    rows={2}
                    help="Shown to the exporter."
                    errors={errorsOf(state, `items.${i}.reason`)}
                    defaultValue={valueOf(state, `${p}.reason`)}
                  />
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <Textarea
        id="items-note"
        name="note"
        label="Decision note"
        optional
        rows={2}
        help="Internal: why you decided this. Not shown to the exporter."
        errors={errorsOf(state, 'note')}
        defaultValue={valueOf(state, 'note')}
      />
      <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800" aria-live="polite" data-testid="case-decision-preview">
        {result ? (
          <>
            Decision for the case: <strong>{RESULT_LABEL[result]}</strong>
            {countersign ? '; it needs a second officer’s countersignature because an approved item is licence-required or prohibited.' : '.'}
          </>
        ) : (
          'Approve or refuse every item to decide the case.'
        )}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Record decision'}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
