// Service-level settings: working-day targets per outcome and the holiday calendar, each change a
// new version with who, when and why (and an audit row); the history below.
import { SlaSettingsForm } from '@/components/admin/sla-settings-form';
import { requireRole } from '@/lib/authz';
import { getSlaSettings } from '@/lib/data/sla/current';
import { listSlaSettingsVersions } from '@/lib/data/sla/settings';
import { formatCount, formatDateTime, formatWorkingDays } from '@/lib/format';
import { OUTCOME_LABEL } from '@/lib/labels';
import { OUTCOMES } from '@/lib/codes';

export const metadata = { title: 'Service levels · Clearance' };

export default async function SlaSettingsPage() {
  const actor = await requireRole('ADMIN');
  const [current, versions] = await Promise.all([getSlaSettings(), listSlaSettingsVersions(actor)]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Service levels</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          The clock counts working days from a case’s first submission to its decision. Weekends and the holidays below do not count, nor the days an
          information request waits for the exporter’s answer. Saving re-dates every open case.
        </p>
        <p className="mt-2 text-sm text-slate-700" data-testid="sla-version">
          {current.version ? (
            <>
              In force: version {current.version}, saved {formatDateTime(current.savedAt)} by {current.savedBy ?? 'a former user'}.
            </>
          ) : (
            'In force: the built-in defaults (no version saved yet).'
          )}
        </p>
      </div>
      <section aria-labelledby="sla-edit" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="sla-edit" className="mb-4 text-base font-semibold text-slate-900">
          Change the settings
        </h2>
        <SlaSettingsForm version={current.version} targets={current.targets} holidays={current.calendar.holidays} />
      </section>
      <section aria-labelledby="sla-history" className="space-y-3">
        <h2 id="sla-history" className="text-base font-semibold text-slate-900">
          History
        </h2>
        {versions.length === 0 ? (
          <p className="text-sm text-slate-600">No changes yet.</p>
        ) : (
          <ol className="space-y-2">
            {versions.map((v) => {
              const targets = v.targets as Record<string, number>;
              return (
                <li key={v.version} className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
                  <p className="font-medium text-slate-900">
                    Version {v.version} · {formatDateTime(v.createdAt)} · {v.createdBy?.name ?? 'a former user'}
                  </p>
                  <p className="mt-1 text-slate-700">
                    {OUTCOMES.map((o) => `${OUTCOME_LABEL[o]}: ${formatWorkingDays(targets[o] ?? 0)}`).join(' · ')} ·{' '}
                    {formatCount((v.holidays as unknown[]).length, 'holiday')}
                  </p>
                  <p className="mt-1 text-slate-600">“{v.note}”</p>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
