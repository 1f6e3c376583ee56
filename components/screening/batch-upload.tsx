'use client';
// Uploads a party file for batch screening: the file streams to /api/screening/batch with
// XMLHttpRequest (its upload events drive the progress bar); the server stores every row and queues
// the job, then the page refreshes to show the job's own progress bar.
import { useRouter } from 'next/navigation';
import { formatNumber } from '@/lib/format';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldFrame, describedBy, inputClass } from '@/components/ui/field';

type TPhase = { kind: 'idle' } | { kind: 'uploading'; sent: number; total: number } | { kind: 'storing' } | { kind: 'failed'; message: string };

const MB = 1024 * 1024;

export function BatchUpload({ maxBytes, maxRows }: { maxBytes: number; maxRows: number }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [phase, setPhase] = useState<TPhase>({ kind: 'idle' });
  const [fileError, setFileError] = useState<string | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || (file.size === 0 && file.name === '')) return setFileError('Choose a CSV file to upload');
    if (file.size > maxBytes) return setFileError(`The file is ${(file.size / MB).toFixed(1)} MB; the limit is ${maxBytes / MB} MB.`);
    setFileError(null);
    setPhase({ kind: 'uploading', sent: 0, total: file.size });
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/screening/batch?file=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.upload.onprogress = (e) => setPhase({ kind: 'uploading', sent: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => setPhase({ kind: 'storing' });
    xhr.onload = () => {
      let body: { error?: string; jobId?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        /* keep the generic message */
      }
      if (xhr.status >= 400 || !body.jobId) {
        setPhase({ kind: 'failed', message: body.error ?? 'The upload was refused.' });
        return;
      }
      formRef.current?.reset();
      setPhase({ kind: 'idle' });
      router.push(`/screening/batch?job=${body.jobId}`);
      router.refresh();
    };
    xhr.onerror = () => setPhase({ kind: 'failed', message: 'The connection was lost during the upload. Nothing was stored; try again.' });
    xhr.send(file);
  }

  const busy = phase.kind === 'uploading' || phase.kind === 'storing';
  const pct = phase.kind === 'uploading' ? Math.round((phase.sent / Math.max(1, phase.total)) * 100) : 0;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" aria-label="Upload a party file">
      <FieldFrame
        id="f-batch-file"
        label="Party file (CSV)"
        help={`A header row with name, country (ISO code or English name, optional) and id (optional); up to ${formatNumber(maxRows)} rows, ${maxBytes / MB} MB`}
        errors={fileError ? [fileError] : undefined}
      >
        <input
          id="f-batch-file"
          name="file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          aria-invalid={!!fileError || undefined}
          aria-describedby={describedBy('f-batch-file', true, fileError ? [fileError] : undefined)}
          className={`${inputClass} max-w-xl border-slate-300 py-1.5`}
        />
      </FieldFrame>
      <Button type="submit" disabled={busy}>
        {busy ? 'Uploading…' : 'Upload and screen'}
      </Button>
      {busy ? (
        <div className="max-w-xl space-y-1.5" data-testid="batch-upload-progress">
          <div
            role="progressbar"
            aria-label="Uploading"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            className="h-2.5 overflow-hidden rounded-full bg-slate-200"
          >
            {phase.kind === 'storing' ? (
              <div className="h-full w-full animate-pulse rounded-full bg-indigo-300" />
            ) : (
              <div className="h-full rounded-full bg-indigo-600 transition-[width] duration-300" style={{ width: `${pct}%` }} />
            )}
          </div>
          <p className="text-sm text-slate-600" aria-live="polite">
            {phase.kind === 'uploading' ? `Uploading: ${(phase.sent / MB).toFixed(1)} of ${(phase.total / MB).toFixed(1)} MB` : 'Reading and storing the rows…'}
          </p>
        </div>
      ) : null}
      {phase.kind === 'failed' ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200" data-testid="batch-upload-error">
          {phase.message}
        </p>
      ) : null}
    </form>
  );
}
