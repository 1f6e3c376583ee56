// API keys for ERP systems: create (the secret is shown once), see last use, revoke.
import type { Metadata } from 'next';
import { NewApiKeyForm } from '@/components/api-keys/new-key-form';
import { Badge } from '@/components/ui/badge';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { DataTable } from '@/components/ui/data-table';
import { formatDateTime } from '@/lib/format';
import { requireRole } from '@/lib/authz';
import { db } from '@/lib/db';
import { listApiKeys } from '@/lib/data/api-keys';
import { revokeApiKeyAction } from './actions';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const actor = await requireRole('ADMIN');
  const [keys, exporters] = await Promise.all([
    listApiKeys(actor),
    db.user.findMany({
      where: { role: 'EXPORTER', active: true, organizationId: { not: null } },
      orderBy: [{ organization: { name: 'asc' } }, { email: 'asc' }],
      select: { id: true, email: true, organization: { select: { name: true } } },
    }),
  ]);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">API keys</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          ERP systems call the JSON API with <code className="font-mono">Authorization: Bearer clr_…</code>:{' '}
          <code className="font-mono">POST /api/v1/screen</code> (screen without storing), <code className="font-mono">POST /api/v1/applications</code> (submit)
          and <code className="font-mono">GET /api/v1/applications/&lt;id&gt;</code> (status). Each key acts as one exporter and sees only its organisation’s
          cases.
        </p>
      </header>
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6" aria-labelledby="new-key-h">
        <h2 id="new-key-h" className="text-lg font-semibold">
          New key
        </h2>
        <div className="mt-4">
          <NewApiKeyForm exporters={exporters.map((e) => ({ id: e.id, label: `${e.organization?.name} — ${e.email}` }))} />
        </div>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6" aria-labelledby="keys-h">
        <h2 id="keys-h" className="text-lg font-semibold">
          Keys ({keys.length})
        </h2>
        {keys.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">No keys yet.</p>
        ) : (
          <DataTable
            cards="md"
            align="middle"
            caption="API keys"
            className="mt-4"
            cellClassName="py-3"
            rows={keys}
            rowKey={(k) => k.id}
            columns={[
              {
                key: 'name',
                header: 'Name',
                cell: (k) => (
                  <>
                    <p className="font-medium">{k.name}</p>
                    <p className="font-mono text-xs text-slate-500">clr_{k.prefix}_…</p>
                  </>
                ),
              },
              {
                key: 'organisation',
                header: 'Organisation / acts as',
                cell: (k) => (
                  <>
                    {k.organization.name}
                    <br />
                    <span className="text-xs text-slate-500">{k.actingUser.email}</span>
                  </>
                ),
              },
              { key: 'created', header: 'Created', className: 'text-slate-600', cell: (k) => formatDateTime(k.createdAt) },
              { key: 'lastUsed', header: 'Last used', className: 'text-slate-600', cell: (k) => formatDateTime(k.lastUsedAt) },
              {
                key: 'status',
                header: 'Status',
                cell: (k) =>
                  k.revokedAt ? (
                    <Badge tone="slate">Revoked</Badge>
                  ) : (
                    <form action={revokeApiKeyAction} className="flex items-center gap-3" aria-label={`Revoke ${k.name}`}>
                      <Badge tone="green">Active</Badge>
                      <input type="hidden" name="id" value={k.id} />
                      <ConfirmSubmit
                        variant="danger"
                        size="sm"
                        label={
                          <>
                            Revoke<span className="sr-only"> key {k.name}</span>
                          </>
                        }
                        confirmLabel="Revoke key"
                        title={`Revoke the key “${k.name}”?`}
                        body={
                          <>
                            <p>
                              Every call with <code className="font-mono">clr_{k.prefix}_…</code> (acting as {k.actingUser.email}, {k.organization.name}) is
                              refused from now on.
                            </p>
                            <p>A revoked key cannot be turned back on; the ERP system needs a new key.</p>
                          </>
                        }
                      />
                    </form>
                  ),
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}
