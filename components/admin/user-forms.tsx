'use client';
// Forms of the users page: create a user, create an organisation, and per user change role and
// organisation or (de)activate. Errors sit next to their fields; typed values stay (never passwords).
import { useActionState } from 'react';
import {
  createOrganizationAction,
  createUserAction,
  setUserActiveAction,
  updateOrganizationCountryAction,
  updateUserAction,
} from '@/app/(admin)/admin/users/actions';
import { COUNTRY_OPTIONS } from '@/lib/countries';
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/field';
import { ROLES, ROLE_WORDS } from '@/lib/validation/users';
import { FormMessage } from '@/components/ui/form-message';
import { IDLE, errorsOf, type TAdminFormState } from './form-state';
import { useSubmissionKey } from './use-submission-key';

type TOrg = { id: string; name: string };
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_WORDS[r] }));
const val = (state: TAdminFormState, key: string, fallback = '') => (state.status === 'error' ? String(state.values[key] ?? '') : fallback);

export function CreateUserForm({ organizations }: { organizations: TOrg[] }) {
  const [state, action, pending] = useActionState(createUserAction, IDLE);
  const formKey = useSubmissionKey(state);
  const orgOptions = organizations.map((o) => ({ value: o.id, label: o.name }));
  return (
    <form key={formKey} action={action} noValidate className="space-y-4" aria-label="Create a user">
      <div className="grid gap-4 md:grid-cols-2">
        <TextInput name="name" label="Name" autoComplete="off" errors={errorsOf(state, 'name')} defaultValue={val(state, 'name')} />
        <TextInput name="email" label="Email" type="email" autoComplete="off" errors={errorsOf(state, 'email')} defaultValue={val(state, 'email')} />
        <Select name="role" label="Role" options={ROLE_OPTIONS} errors={errorsOf(state, 'role')} defaultValue={val(state, 'role')} />
        <Select
          name="organizationId"
          label="Organisation"
          optional
          help="Exporters only"
          options={orgOptions}
          placeholder="None"
          errors={errorsOf(state, 'organizationId')}
          defaultValue={val(state, 'organizationId')}
        />
        <TextInput
          name="password"
          label="Initial password"
          type="password"
          autoComplete="new-password"
          help="At least 12 characters; share it with them securely."
          errors={errorsOf(state, 'password')}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create user'}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function CreateOrganizationForm() {
  const [state, action, pending] = useActionState(createOrganizationAction, IDLE);
  const formKey = useSubmissionKey(state);
  return (
    <form key={formKey} action={action} className="space-y-4" aria-label="Create an organisation">
      <TextInput id="f-organization-name" name="name" label="Organisation name" errors={errorsOf(state, 'name')} defaultValue={val(state, 'name')} />
      <Select
        id="f-organization-country"
        name="country"
        label="Country of establishment"
        help="Decides which regulations bind its exports (e.g. EU Art. 5 for EU companies)"
        options={COUNTRY_SELECT}
        errors={errorsOf(state, 'country')}
        defaultValue={val(state, 'country', 'US')}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Creating…' : 'Create organisation'}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

const COUNTRY_SELECT = COUNTRY_OPTIONS.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));

/** An organisation's country of establishment, editable in place. */
export function OrganizationCountryForm({ organization }: { organization: { id: string; name: string; country: string } }) {
  const [state, action, pending] = useActionState(updateOrganizationCountryAction, IDLE);
  const formKey = useSubmissionKey(state);
  const id = `o-${organization.id}-country`;
  return (
    <form key={formKey} action={action} className="flex flex-wrap items-start gap-2" aria-label={`Country of establishment of ${organization.name}`}>
      <input type="hidden" name="organizationId" value={organization.id} />
      <Select
        id={id}
        name="country"
        label={<span className="sr-only">Country of establishment of {organization.name}</span>}
        options={COUNTRY_SELECT}
        className="min-w-48"
        errors={errorsOf(state, 'country')}
        defaultValue={val(state, 'country', organization.country)}
      />
      <Button type="submit" variant="secondary" size="sm" disabled={pending} className="mt-1.5">
        Save
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function UserRowForms({
  user,
  organizations,
  isSelf,
}: {
  user: { id: string; name: string; role: string; active: boolean; organizationId: string | null };
  organizations: TOrg[];
  isSelf: boolean;
}) {
  const [state, action, pending] = useActionState(updateUserAction, IDLE);
  const formKey = useSubmissionKey(state);
  const [activeState, activeAction, activePending] = useActionState(setUserActiveAction, IDLE);
  const scope = `u-${user.id}`;
  return (
    <div className="space-y-2">
      <form key={formKey} action={action} className="flex flex-wrap items-start gap-2" aria-label={`Role of ${user.name}`}>
        <input type="hidden" name="userId" value={user.id} />
        <Select
          id={`${scope}-role`}
          name="role"
          label={<span className="sr-only">Role of {user.name}</span>}
          options={ROLE_OPTIONS}
          errors={errorsOf(state, 'role')}
          defaultValue={val(state, 'role', user.role)}
        />
        <Select
          id={`${scope}-org`}
          name="organizationId"
          label={<span className="sr-only">Organisation of {user.name}</span>}
          placeholder="No organisation"
          className="min-w-48"
          options={organizations.map((o) => ({ value: o.id, label: o.name }))}
          errors={errorsOf(state, 'organizationId')}
          defaultValue={val(state, 'organizationId', user.organizationId ?? '')}
        />
        <Button type="submit" variant="secondary" size="sm" disabled={pending} className="mt-1.5">
          Save
        </Button>
      </form>
      {!isSelf ? (
        <form action={activeAction} aria-label={`${user.active ? 'Deactivate' : 'Reactivate'} ${user.name}`}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
          <Button type="submit" variant={user.active ? 'ghost' : 'secondary'} size="sm" disabled={activePending}>
            {user.active ? 'Deactivate' : 'Reactivate'}
            <span className="sr-only"> {user.name}</span>
          </Button>
        </form>
      ) : null}
      <FormMessage state={state.status !== 'idle' ? state : activeState} />
    </div>
  );
}
