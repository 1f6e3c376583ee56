// Batch party screening: upload a customer master file (CSV of parties), follow each job's progress
// (it runs in the background; leaving the page does not stop it, and a restarted server resumes it),
// download the result as CSV. Officers see their own batches, admins everyone's (data layer).
import { JobProgress } from '@/components/admin/job-progress';
import { BatchUpload } from '@/components/screening/batch-upload';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDateTime, formatNumber } from '@/lib/format';
import { requireRole } from '@/lib/authz';
import { OUTCOME_LABEL } from '@/lib/labels';
import { listBatches, MAX_BATCH_BYTES } from '@/lib/data/batch-screening';
import { MAX_BATCH_ROWS } from '@/lib/validation/parties';

export const metadata = { title: 'Batch screening · Clearance' };

const OUTCOME_TEXT: Record<string, string> = {
  CLEAR: 'text-emerald-800',
  REVIEW: 'text-amber-800',
  LICENSE_REQUIRED: 'text-orange-800',
  PROHIBITED: 'text-red-800',
};

export default async function BatchScreeningPage() {
  const actor = await requireRole('OFFICER', 'ADMIN');
  const batches = await listBatches(actor);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Batch screening</h1>
        <p className="mt-1 max-w-prose text-sm text-slate-600">
          Screen a customer master file against every restricted-party list of the active rule set. The file is screened in the background: you can leave this
          page and come back. Rows that cannot be read are listed with their line number in the result.
        </p>
      </div>
      <section aria-label="Upload" className="rounded-lg border border-slate-200 bg-white p-5">
        <BatchUpload maxBytes={MAX_BATCH_BYTES} maxRows={MAX_BATCH_ROWS} />
      </section>
      <section aria-label="Batches" className="space-y-3">
        <h2 className="text-base font-semibold text-slate-900">{actor.role === 'ADMIN' ? 'Recent batches (everyone)' : 'Your recent batches'}</h2>
        {batches.length === 0 ? (
          <EmptyState title="No batches yet">
            Upload a CSV with a header row such as <code>id,name,country</code>.
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {batches.map((b) => (
              <li key={b.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="batch" data-job={b.id}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <p className="min-w-0 font-medium break-words text-slate-900">{b.fileName}</p>
                  <p className="text-xs text-slate-500">
                    {formatDateTime(b.createdAt)}
                    {actor.role === 'ADMIN' && b.createdBy ? ` · ${b.createdBy}` : ''}
                  </p>
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {formatNumber(b.rows)} rows{b.invalid ? `, ${formatNumber(b.invalid)} with errors (listed in the result)` : ''}
                </p>
                <div className="mt-3">
                  <JobProgress initial={{ ...b, phase: null }} label="Screening" unit="rows" endpoint="/api/screening/batch" testId="batch-progress" />
                </div>
                {b.status === 'SUCCEEDED' && b.result ? (
                  <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
                    <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm" data-testid="batch-summary">
                      {(['PROHIBITED', 'LICENSE_REQUIRED', 'REVIEW', 'CLEAR'] as const).map((o) => (
                        <div key={o} className="flex gap-1.5">
                          <dt className={OUTCOME_TEXT[o]}>{OUTCOME_LABEL[o]}</dt>
                          <dd className="font-semibold text-slate-900 tabular-nums">{formatNumber(b.result!.byOutcome[o])}</dd>
                        </div>
                      ))}
                      {b.result.invalid ? (
                        <div className="flex gap-1.5">
                          <dt className="text-slate-600">Not screened</dt>
                          <dd className="font-semibold text-slate-900 tabular-nums">{formatNumber(b.result.invalid)}</dd>
                        </div>
                      ) : null}
                    </dl>
                    <a href={`/screening/batch/${b.id}/result.csv`} download className={buttonClass('secondary')}>
                      Download result (CSV)
                    </a>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
