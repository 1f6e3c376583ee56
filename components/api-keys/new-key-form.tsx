'use client';
import { useActionState } from 'react';
import { createApiKeyAction } from '@/app/(admin)/admin/api-keys/actions';
import { IDLE, errorsOf, valueOf } from '@/lib/action-state';
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/field';

export function NewApiKeyForm({ exporters }: { exporters: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState(createApiKeyAction, IDLE);
  const created = state.status === 'success' ? state.data : null;
  return (
    <div className="space-y-4">
      {created ? (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-4 text-sm text-green-900">
          <p className="font-medium">Key “{created.name}” created. Copy it now: it is not shown again.</p>
          <code data-testid="new-api-key" className="mt-2 block rounded bg-white px-3 py-2 font-mono break-all text-slate-900">
            {created.key}
          </code>
        </div>
      ) : null}
      {state.status === 'error' && state.message ? (
        <p role="status" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end" key={created ? created.key : 'form'}>
        <TextInput
          name="name"
          label="Key name"
          help="Where it is used, e.g. “SAP production”."
          defaultValue={valueOf(state, 'name')}
          errors={errorsOf(state, 'name')}
        />
        <Select
          name="actingUserId"
          label="Acts as"
          help="Submissions are recorded as this exporter’s."
          options={exporters.map((e) => ({ value: e.id, label: e.label }))}
          defaultValue={valueOf(state, 'actingUserId')}
          errors={errorsOf(state, 'actingUserId')}
        />
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create key'}
        </Button>
      </form>
    </div>
  );
}
