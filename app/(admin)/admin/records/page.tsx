// Records: what the five-year retention keeps (oldest record, counts), whether backups are running
// (last `npm run db:backup`, warning past BACKUP_MAX_AGE_HOURS), and whole-organisation exports.
import type { Metadata } from 'next';
import { JobProgress } from '@/components/admin/job-progress';
import { OrgExportForm } from '@/components/records/org-export-form';
import { Badge } from '@/components/ui/badge';
import { formatAge, formatBytes, formatDateTime, formatNumber } from '@/lib/format';
import { requireRole } from '@/lib/authz';
import { listOrganizations } from '@/lib/data/users';
import { listOrgExports, recordsOverview } from '@/lib/data/records';

export const metadata: Metadata = { title: 'Records' };

const megabytes = formatBytes;
const n = (v: number) => formatNumber(v);

export default async function RecordsPage() {
  const actor = await requireRole('ADMIN');
  const now = new Date();
  const [overview, exports, organizations] = await Promise.all([recordsOverview(actor, now), listOrgExports(actor), listOrganizations(actor)]);
  const { lastBackup } = overview;
  const today = now.toISOString().slice(0, 10);
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Records</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Export records are kept for five years (15 CFR Part 762): applications, screening runs, decisions and the audit log are never deleted — the database
          refuses it. Backups are made by <code className="font-mono">npm run db:backup</code> (scheduled by the operator, e.g. from cron).
        </p>
      </header>

      <section
        aria-labelledby="backup-h"
        className={`rounded-lg border p-6 shadow-sm ${overview.backupOverdue ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white'}`}
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="backup-h" className="text-lg font-semibold">
            Last backup
          </h2>
          {overview.backupOverdue ? (
            <Badge tone="amber" testId="backup-status">
              Overdue
            </Badge>
          ) : (
            <Badge tone="green" testId="backup-status">
              Up to date
            </Badge>
          )}
        </div>
        {overview.backupOverdue ? (
          <p role="alert" className="mt-3 text-sm text-amber-900">
            {lastBackup
              ? `The last backup finished ${formatAge(lastBackup.finishedAt, now)} ago, more than ${overview.backupMaxAgeHours} h ago.`
              : 'No backup has been recorded.'}{' '}
            Run <code className="font-mono">npm run db:backup</code> and check the scheduled job.
          </p>
        ) : null}
        {lastBackup ? (
          <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">Finished</dt>
              <dd className="font-medium text-slate-900" data-testid="backup-time">
                {formatDateTime(lastBackup.finishedAt)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Size</dt>
              <dd className="font-medium text-slate-900" data-testid="backup-size">
                {megabytes(lastBackup.bytes)} · {n(lastBackup.rows)} rows
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Schema version</dt>
              <dd className="font-mono text-xs break-all text-slate-900">{lastBackup.schemaVersion}</dd>
            </div>
            <div className="sm:col-span-3">
              <dt className="text-slate-500">File{lastBackup.host ? ` (on ${lastBackup.host})` : ''}</dt>
              <dd className="font-mono text-xs break-all text-slate-900">{lastBackup.file}</dd>
            </div>
          </dl>
        ) : null}
        <p className="mt-4 text-xs text-slate-500">
          Warns when the last backup is older than {overview.backupMaxAgeHours} h (setting <code className="font-mono">BACKUP_MAX_AGE_HOURS</code>).
        </p>
      </section>

      <section aria-labelledby="retention-h" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="retention-h" className="text-lg font-semibold">
          Retention
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">Oldest application</dt>
            <dd className="font-medium text-slate-900" data-testid="oldest-record">
              {overview.oldestApplication ? `${overview.oldestApplication.reference} · ${formatDateTime(overview.oldestApplication.createdAt)}` : '—'}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Oldest audit row</dt>
            <dd className="font-medium text-slate-900">{formatDateTime(overview.oldestAudit)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Kept</dt>
            <dd className="font-medium text-slate-900">
              {n(overview.counts.applications)} applications · {n(overview.counts.screeningRuns)} screening runs · {n(overview.counts.decisions)} decisions ·{' '}
              {n(overview.counts.auditRows)} audit rows
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="export-h" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="export-h" className="text-lg font-semibold">
          Export an organisation’s records
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Every case the organisation created in the date range, each as an auditor’s bundle (its application as submitted, screening results, decisions,
          messages, decision record and audit rows), in one sealed zip. Verify it offline with{' '}
          <code className="font-mono">npm run audit:verify -- --bundle FILE</code>. A single case’s bundle is on its case page.
        </p>
        <div className="mt-4">
          <OrgExportForm organizations={organizations.map((o) => ({ id: o.id, name: o.name }))} defaultFrom={yearAgo} defaultTo={today} />
        </div>
        {exports.length ? (
          <ul className="mt-6 divide-y divide-slate-100 border-t border-slate-100" aria-label="Recent exports">
            {exports.map((job) => (
              <li key={job.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-slate-900">{job.organization}</p>
                  <p className="text-slate-600">
                    {job.from} to {job.to} · started {formatDateTime(job.createdAt)}
                  </p>
                </div>
                <div className="w-full sm:w-80">
                  {job.status === 'SUCCEEDED' && job.file ? (
                    <a className="text-sm font-semibold text-indigo-700 underline hover:text-indigo-900" href={`/admin/records/exports/${job.id}`}>
                      Download ({n(job.cases ?? 0)} cases, {megabytes(job.bytes ?? 0)})
                    </a>
                  ) : (
                    <JobProgress initial={job} label={`Export of ${job.organization}`} />
                  )}
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
