'use client';
// Uploads a list file: the form is validated and a LIST_IMPORT job opened (server action), then the
// file streams to /api/admin/lists/upload with XMLHttpRequest, whose upload events drive the first
// progress bar; reading and storing progress comes from the job row, polled every 500 ms.
import { useRouter } from 'next/navigation';
import { formatNumber } from '@/lib/format';
import { useEffect, useRef, useState } from 'react';
import { startUploadAction } from '@/app/(admin)/admin/lists/actions';
import { IDLE } from '@/lib/action-state';
import { Button } from '@/components/ui/button';
import { FieldFrame, Select, TextInput, describedBy, inputClass } from '@/components/ui/field';
import { LIST_FORMATS, LIST_FORMAT_WORDS } from '@/lib/validation/rules';

type TPhase =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'processing'; phase: string; done: number; total: number }
  | { kind: 'failed'; message: string };

const MB = 1024 * 1024;

export function ListUpload({ draftId, maxBytes }: { draftId: string; maxBytes: number }) {
  const router = useRouter();
  const [phase, setPhase] = useState<TPhase>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  // Follow the job row while the server reads and stores the file.
  useEffect(() => {
    if (!jobId) return;
    let stop = false;
    const tick = async () => {
      if (stop) return;
      try {
        const res = await fetch(`/api/admin/jobs/${jobId}`, { cache: 'no-store' });
        if (res.ok) {
          const job = (await res.json()) as { status: string; done: number; total: number; phase: string | null; error: string | null };
          if (job.status === 'SUCCEEDED') {
            stop = true;
            formRef.current?.reset();
            setPhase({ kind: 'idle' });
            setJobId(null);
            router.push(`/admin/lists?upload=${jobId}`);
            router.refresh();
            return;
          }
          if (job.status === 'FAILED') {
            stop = true;
            setPhase({ kind: 'failed', message: job.error ?? 'The upload was refused.' });
            return;
          }
          setPhase((p) =>
            p.kind === 'uploading' && p.sent < p.total ? p : { kind: 'processing', phase: job.phase ?? 'Working', done: job.done, total: job.total },
          );
        }
      } catch {
        /* next tick */
      }
      if (!stop) setTimeout(tick, 500);
    };
    const t = setTimeout(tick, 500);
    return () => {
      stop = true;
      clearTimeout(t);
    };
  }, [jobId, router]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const files = data.getAll('file').filter((f): f is File => f instanceof File && !(f.size === 0 && f.name === ''));
    // several files: OFAC's sdn.csv with alt.csv and add.csv, sent together as multipart form data
    const file = files.length > 1 ? new File([], files.map((f) => f.name).join(' + ')) : files[0];
    const totalSize = files.reduce((n, f) => n + f.size, 0);
    if (!(file instanceof File)) {
      setErrors({ file: ['Choose a file to upload'] });
      return;
    }
    if (totalSize > maxBytes) {
      setErrors({ file: [`The file is ${(totalSize / MB).toFixed(1)} MB; the limit is ${maxBytes / MB} MB.`] });
      return;
    }
    setErrors({});
    const fields = new FormData();
    fields.set('draftId', draftId);
    fields.set('format', String(data.get('format') ?? 'AUTO'));
    fields.set('asOf', String(data.get('asOf') ?? ''));
    fields.set('fileName', file.name);
    fields.set('size', String(totalSize));
    const started = await startUploadAction(IDLE, fields);
    if (started.status !== 'success') {
      setErrors(started.status === 'error' ? started.fieldErrors : {});
      setPhase({ kind: 'failed', message: (started.status === 'error' && started.message) || 'The upload was refused.' });
      return;
    }
    const jobId = started.data.jobId;
    setJobId(jobId);
    setPhase({ kind: 'uploading', sent: 0, total: totalSize });
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/admin/lists/upload?job=${encodeURIComponent(jobId)}`);
    if (files.length === 1) xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => setPhase({ kind: 'uploading', sent: e.loaded, total: e.lengthComputable ? e.total : totalSize });
    xhr.upload.onload = () => setPhase({ kind: 'processing', phase: 'Reading the file', done: 0, total: 0 });
    xhr.onload = () => {
      if (xhr.status >= 400) {
        let message = 'The upload was refused.';
        try {
          message = (JSON.parse(xhr.responseText) as { error?: string }).error ?? message;
        } catch {
          /* keep the generic message */
        }
        setJobId(null);
        setPhase({ kind: 'failed', message });
      }
      // success: the job poll navigates to the diff
    };
    xhr.onerror = () => {
      setJobId(null);
      setPhase({ kind: 'failed', message: 'The connection was lost during the upload. Nothing was changed; try again.' });
    };
    if (files.length > 1) {
      const form = new FormData();
      for (const f of files) form.append('file', f);
      xhr.send(form);
    } else xhr.send(file);
  }

  const busy = phase.kind === 'uploading' || phase.kind === 'processing';
  const pct =
    phase.kind === 'uploading'
      ? Math.round((phase.sent / Math.max(1, phase.total)) * 100)
      : phase.kind === 'processing' && phase.total > 0
        ? Math.round((phase.done / phase.total) * 100)
        : 0;
  const fileErrors = errors.file;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" aria-label="Upload a list">
      <div className="grid gap-4 md:grid-cols-3">
        <Select
          name="format"
          label="Format"
          options={LIST_FORMATS.map((f) => ({ value: f, label: LIST_FORMAT_WORDS[f] }))}
          defaultValue="AUTO"
          placeholder="Detect from the file"
          errors={errors.format}
        />
        <TextInput
          name="asOf"
          label="List date (as of)"
          optional
          help="YYYY-MM-DD; taken from the file name if it has one"
          errors={errors.asOf}
          placeholder="2024-05-03"
        />
        <FieldFrame
          id="f-file"
          label="File"
          help={`CSV, TSV, JSON or XML, up to ${maxBytes / MB} MB; for OFAC choose sdn.csv with alt.csv and add.csv together`}
          errors={fileErrors}
        >
          <input
            id="f-file"
            name="file"
            type="file"
            multiple
            accept=".csv,.txt,.tsv,.json,.xml,text/csv,application/json,application/xml,text/xml,text/plain"
            aria-invalid={!!fileErrors?.length || undefined}
            aria-describedby={describedBy('f-file', true, fileErrors)}
            className={`${inputClass} border-slate-300 py-1.5`}
          />
        </FieldFrame>
      </div>
      <Button type="submit" disabled={busy}>
        {busy ? 'Uploading…' : 'Upload and compare'}
      </Button>
      {busy ? (
        <div className="max-w-xl space-y-1.5" data-testid="upload-progress">
          <div
            role="progressbar"
            aria-label={phase.kind === 'uploading' ? 'Uploading' : 'Processing'}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            className="h-2.5 overflow-hidden rounded-full bg-slate-200"
          >
            {phase.kind === 'processing' && pct === 0 ? (
              <div className="h-full w-full animate-pulse rounded-full bg-indigo-300" />
            ) : (
              <div className="h-full rounded-full bg-indigo-600 transition-[width] duration-300" style={{ width: `${pct}%` }} />
            )}
          </div>
          <p className="text-sm text-slate-600" aria-live="polite">
            {phase.kind === 'uploading'
              ? `Uploading: ${(phase.sent / MB).toFixed(1)} of ${(phase.total / MB).toFixed(1)} MB`
              : `${phase.phase}${phase.total > 0 && phase.done > 0 && phase.done < phase.total ? ` · ${formatNumber(phase.done)} of ${formatNumber(phase.total)}` : '…'}`}
          </p>
        </div>
      ) : null}
      {phase.kind === 'failed' ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200" data-testid="upload-error">
          {phase.message}
        </p>
      ) : null}
    </form>
  );
}
