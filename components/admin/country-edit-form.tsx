'use client';
// Edits a country's risk data in a draft: Freedom House status and Country Group membership.
import { useActionState } from 'react';
import { updateCountryAction } from '@/app/(admin)/admin/rules/actions';
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { IDLE, errorsOf } from './form-state';
import { useSubmissionKey } from './use-submission-key';

export function CountryEditForm({
  versionId,
  code,
  name,
  freedom,
  groups,
}: {
  versionId: string;
  code: string;
  name: string;
  freedom: string;
  groups: string;
}) {
  const [state, action, pending] = useActionState(updateCountryAction, IDLE);
  const formKey = useSubmissionKey(state);
  const v = (key: string, fallback: string) => (state.status === 'error' ? String(state.values[key] ?? '') : fallback);
  return (
    <form key={formKey} action={action} className="space-y-4" aria-label={`Edit ${name}`}>
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="code" value={code} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          name="freedom"
          label="Freedom House status"
          errors={errorsOf(state, 'freedom')}
          placeholder="Not rated"
          defaultValue={v('freedom', freedom)}
          options={[
            { value: 'F', label: 'Free' },
            { value: 'PF', label: 'Partly Free' },
            { value: 'NF', label: 'Not Free' },
          ]}
        />
        <TextInput
          name="groups"
          label="Country Groups"
          help="Codes separated by commas, e.g. A:1, B, D:1"
          errors={errorsOf(state, 'groups')}
          defaultValue={v('groups', groups)}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : `Save ${name}`}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
