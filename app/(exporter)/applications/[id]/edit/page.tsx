import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { requireRole } from '@/lib/authz';
import { getApplicationForEdit } from '@/lib/data/applications';
import { AppError } from '@/lib/errors';
import { ApplicationForm } from '@/components/applications/application-form';
import { StatusBadge } from '@/components/ui/badge';
import { draftDataFrom } from '@/lib/validation/application';
import { exporterRegimeOf } from '@/lib/data/screening';

export const metadata: Metadata = { title: 'Edit application' };

export default async function EditApplicationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireRole('EXPORTER');
  const { id } = await params;
  const { saved } = await searchParams;
  const app = await getApplicationForEdit(actor, id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  if (!app.editable) redirect(`/applications/${app.id}`);
  const resubmission = app.status === 'INFO_REQUESTED';
  const exporter = await exporterRegimeOf(actor);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href="/applications" className="hover:underline">
            Applications
          </Link>{' '}
          / <span className="font-mono">{app.reference}</span>
        </p>
        <div className="mt-1 flex items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{resubmission ? 'Edit and resubmit' : 'Edit draft'}</h1>
          <StatusBadge status={app.status} />
        </div>
        {resubmission ? (
          <p className="mt-1 text-sm text-slate-600">
            Change what the officer asked about, then resubmit: the application is screened again and both screenings stay in its history.{' '}
            <Link href={`/applications/${app.id}`} className="text-indigo-700 underline">
              See the question
            </Link>
          </p>
        ) : null}
      </div>
      <ApplicationForm
        id={app.id}
        version={app.version}
        initial={draftDataFrom(app.data)}
        resubmission={resubmission}
        justSaved={saved === '1'}
        exporter={exporter}
      />
    </div>
  );
}
