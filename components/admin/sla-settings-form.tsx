'use client';
// The service-level settings form: working-day targets per outcome, the holiday list, and why.
import { useActionState } from 'react';
import { saveSlaSettingsAction } from '@/app/(admin)/admin/sla/actions';
import { Button } from '@/components/ui/button';
import { TextInput, Textarea } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { errorsOf, IDLE, valueOf } from '@/lib/action-state';
import { OUTCOME_LABEL } from '@/lib/labels';
import type { TSlaTargets } from '@/lib/sla/working-days';

const OUTCOMES = ['CLEAR', 'REVIEW', 'LICENSE_REQUIRED', 'PROHIBITED'] as const;

export function SlaSettingsForm({ version, targets, holidays }: { version: number | null; targets: TSlaTargets; holidays: readonly string[] }) {
  const [state, action, pending] = useActionState(saveSlaSettingsAction, IDLE);
  return (
    <form action={action} aria-label="Service-level settings" className="space-y-5">
      <input type="hidden" name="expectedVersion" value={version ?? ''} />
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">Working days to a decision, by screening outcome</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {OUTCOMES.map((o) => (
            <TextInput
              key={o}
              name={o}
              id={`sla-${o}`}
              label={OUTCOME_LABEL[o]}
              type="number"
              inputMode="numeric"
              min={1}
              max={365}
              required
              errors={errorsOf(state, o)}
              defaultValue={valueOf(state, o) ?? String(targets[o])}
            />
          ))}
        </div>
      </fieldset>
      <Textarea
        name="holidays"
        id="sla-holidays"
        label="Holidays"
        rows={8}
        help="One date a line (YYYY-MM-DD); text after # is a comment. Saturdays and Sundays never count."
        errors={errorsOf(state, 'holidays')}
        defaultValue={valueOf(state, 'holidays') ?? holidays.join('\n')}
        className="max-w-md"
      />
      <TextInput
        name="note"
        id="sla-note"
        label="Reason for the change"
        maxLength={500}
        required
        help="Recorded with this version and in the audit log."
        errors={errorsOf(state, 'note')}
        defaultValue={valueOf(state, 'note') ?? ''}
        className="max-w-xl"
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save as a new version'}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
