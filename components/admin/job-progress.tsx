'use client';
// A background job's progress bar, read from its row every 500 ms (safe to reload: the row is the
// truth, wherever the job runs). When the job ends the page is refreshed to show its result.
import { useRouter } from 'next/navigation';
import { formatNumber } from '@/lib/format';
import { useEffect, useState } from 'react';

export type TJobProgress = {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  done: number;
  total: number;
  error: string | null;
  stale: boolean;
  phase?: string | null;
};

const active = (s: TJobProgress['status']) => s === 'QUEUED' || s === 'RUNNING';

export function JobProgress({
  initial,
  label,
  unit = 'cases',
  testId,
  endpoint = '/api/admin/jobs',
}: {
  initial: TJobProgress;
  label: string;
  unit?: string;
  testId?: string;
  endpoint?: string;
}) {
  const router = useRouter();
  const [job, setJob] = useState(initial);
  // A new job from the server (after a refresh) replaces the polled one: adjust state while rendering.
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setJob(initial);
  }
  useEffect(() => {
    if (!active(job.status)) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`${endpoint}/${job.id}`, { cache: 'no-store' });
        if (!res.ok || cancelled) return;
        const next = (await res.json()) as TJobProgress;
        setJob(next);
        if (!active(next.status)) router.refresh();
      } catch {
        /* try again on the next tick */
        if (!cancelled) setJob((j) => ({ ...j }));
      }
    }, 500);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [job, router, endpoint]);

  const pct = job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : job.status === 'SUCCEEDED' ? 100 : 0;
  const words =
    job.status === 'QUEUED'
      ? 'Waiting to start…'
      : job.status === 'RUNNING'
        ? job.stale
          ? 'Paused: the server running it stopped. Another server will resume it shortly.'
          : `${formatNumber(job.done)} of ${formatNumber(job.total)} ${unit}`
        : job.status === 'SUCCEEDED'
          ? `Done: ${formatNumber(job.done)} ${unit}`
          : job.status === 'FAILED'
            ? `Failed: ${job.error ?? 'unknown error'}`
            : 'Cancelled';
  const bar = job.status === 'FAILED' ? 'bg-red-600' : job.status === 'SUCCEEDED' ? 'bg-emerald-600' : 'bg-indigo-600';
  return (
    <div className="space-y-1.5" data-testid={testId} data-status={job.status}>
      <div className="flex items-baseline justify-between gap-4 text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        <span className="text-slate-600 tabular-nums">{active(job.status) ? `${pct}%` : null}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full rounded-full transition-[width] duration-300 ${bar}`} style={{ width: `${pct}%` }} />
      </div>
      <p className={`text-sm ${job.status === 'FAILED' ? 'text-red-700' : 'text-slate-600'}`} aria-live="polite">
        {job.phase && active(job.status) ? `${job.phase} · ` : ''}
        {words}
      </p>
    </div>
  );
}
