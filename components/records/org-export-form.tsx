'use client';
import { useActionState } from 'react';
import { startOrgExportAction } from '@/app/(admin)/admin/records/actions';
import { IDLE, errorsOf, valueOf } from '@/lib/action-state';
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';

export function OrgExportForm({
  organizations,
  defaultFrom,
  defaultTo,
}: {
  organizations: { id: string; name: string }[];
  defaultFrom: string;
  defaultTo: string;
}) {
  const [state, action, pending] = useActionState(startOrgExportAction, IDLE);
  return (
    <form action={action} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <Select
          name="organizationId"
          label="Organisation"
          options={organizations.map((o) => ({ value: o.id, label: o.name }))}
          defaultValue={valueOf(state, 'organizationId')}
          errors={errorsOf(state, 'organizationId')}
        />
        <TextInput name="from" type="date" label="From" defaultValue={valueOf(state, 'from') ?? defaultFrom} errors={errorsOf(state, 'from')} />
        <TextInput name="to" type="date" label="To" defaultValue={valueOf(state, 'to') ?? defaultTo} errors={errorsOf(state, 'to')} />
        <Button type="submit" disabled={pending}>
          {pending ? 'Starting…' : 'Start export'}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
