import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/authz';
import { ApplicationForm } from '@/components/applications/application-form';
import { draftDataFrom } from '@/lib/validation/application';
import { exporterRegimeOf } from '@/lib/data/screening';

export const metadata: Metadata = { title: 'New application' };

export default async function NewApplicationPage() {
  const actor = await requireRole('EXPORTER');
  const exporter = await exporterRegimeOf(actor);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New application</h1>
        <p className="mt-1 text-sm text-slate-600">Describe the export. Save a draft whenever you like; submitting screens it and sends it for review.</p>
      </div>
      <ApplicationForm initial={draftDataFrom({})} submissionToken={randomUUID()} exporter={exporter} />
    </div>
  );
}
