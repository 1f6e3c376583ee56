// Users and organisations: list, create, change role and organisation, deactivate / reactivate.
import { requireRole } from '@/lib/authz';
import { listOrganizations, listUsers } from '@/lib/data/users';
import { ROLE_WORDS } from '@/lib/validation/users';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { CreateOrganizationForm, CreateUserForm, OrganizationCountryForm, UserRowForms } from '@/components/admin/user-forms';
import { formatDateTime } from '@/components/admin/version-badge';

const section = 'rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6';
const h2 = 'text-lg font-semibold text-slate-900';

export default async function AdminUsersPage() {
  const me = await requireRole('ADMIN');
  const [users, organizations] = await Promise.all([listUsers(me), listOrganizations(me)]);
  const orgs = organizations.map((o) => ({ id: o.id, name: o.name }));
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Users and organisations</h1>
        <p className="mt-1 text-sm text-slate-600">Changing a role or deactivating someone ends their open sessions at once.</p>
      </header>

      <section className={section} aria-labelledby="users-h">
        <h2 id="users-h" className={h2}>
          Users ({users.length})
        </h2>
        <DataTable
          cards="md"
          region="Users table"
          wrapperClassName="mt-4"
          cellClassName="py-3"
          testId="users-table"
          rows={users}
          rowKey={(u) => u.id}
          rowProps={(u) => ({ 'data-testid': `user-${u.email}` })}
          columns={[
            {
              key: 'user',
              header: 'User',
              cell: (u) => (
                <>
                  <p className="font-medium text-slate-900">{u.name}</p>
                  <p className="text-xs text-slate-500">{u.email}</p>
                </>
              ),
            },
            {
              key: 'role',
              header: 'Role and organisation',
              className: 'text-slate-700',
              cell: (u) => (
                <>
                  {ROLE_WORDS[u.role]}
                  {u.organization ? (
                    <>
                      <br />
                      <span className="text-xs text-slate-500">{u.organization.name}</span>
                    </>
                  ) : null}
                </>
              ),
            },
            {
              key: 'status',
              header: 'Status',
              cell: (u) => (
                <>
                  {u.active ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Deactivated</Badge>}
                  <p className="mt-1 text-xs text-slate-500">since {formatDateTime(u.createdAt)}</p>
                </>
              ),
            },
            {
              key: 'change',
              header: 'Change',
              cell: (u) => (
                <UserRowForms
                  user={{ id: u.id, name: u.name, role: u.role, active: u.active, organizationId: u.organization?.id ?? null }}
                  organizations={orgs}
                  isSelf={u.id === me.id}
                />
              ),
            },
          ]}
        />
      </section>

      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section className={`${section} min-w-0`} aria-labelledby="new-user-h">
          <h2 id="new-user-h" className={h2}>
            New user
          </h2>
          <div className="mt-4">
            <CreateUserForm organizations={orgs} />
          </div>
        </section>
        <section className={`${section} min-w-0`} aria-labelledby="orgs-h">
          <h2 id="orgs-h" className={h2}>
            Organisations ({organizations.length})
          </h2>
          <ul className="mt-3 divide-y divide-slate-100 text-sm">
            {organizations.map((o) => (
              <li key={o.id} className="space-y-1 py-2">
                <div className="flex flex-wrap justify-between gap-2">
                  <span className="font-medium text-slate-800">{o.name}</span>
                  <span className="text-slate-500">
                    {o._count.users} {o._count.users === 1 ? 'user' : 'users'} · {o._count.applications}{' '}
                    {o._count.applications === 1 ? 'application' : 'applications'}
                  </span>
                </div>
                <OrganizationCountryForm organization={{ id: o.id, name: o.name, country: o.country }} />
              </li>
            ))}
          </ul>
          <div className="mt-5 border-t border-slate-100 pt-5">
            <CreateOrganizationForm />
          </div>
        </section>
      </div>
    </div>
  );
}
