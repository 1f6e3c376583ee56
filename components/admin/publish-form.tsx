'use client';
// Publishing a draft needs a change note (kept with the version for auditors).
import { useActionState } from 'react';
import { publishDraftAction } from '@/app/(admin)/admin/rules/actions';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { IDLE, errorsOf } from './form-state';
import { useSubmissionKey } from './use-submission-key';

export function PublishForm({ versionId }: { versionId: string }) {
  const [state, action, pending] = useActionState(publishDraftAction, IDLE);
  const formKey = useSubmissionKey(state);
  return (
    <form key={formKey} action={action} className="space-y-3" aria-label="Publish the draft">
      <input type="hidden" name="versionId" value={versionId} />
      <Textarea
        name="note"
        label="Change note"
        rows={3}
        help="What changed and why. Officers and auditors see it with the version."
        errors={errorsOf(state, 'note')}
        defaultValue={state.status === 'error' ? String(state.values.note ?? '') : ''}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Publishing…' : 'Publish and re-screen open cases'}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
