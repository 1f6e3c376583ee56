'use client';
// What an unexpected error looks like (anything that is not an AppError the page handles itself):
// no internals, only the digest that matches the server log line, and a way to try again. The data
// layer's transactions rolled back, so nothing half-done was stored.
import Link from 'next/link';
import { Button } from '@/components/ui/button';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">Error</p>
      <h1 className="mt-2 text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-3 text-slate-600">
        Nothing was saved by the action that failed. Try again; if it keeps happening, tell your administrator
        {error.digest ? ' and quote the reference below' : ''}.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-slate-500">Reference {error.digest}</p> : null}
      <div className="mt-6 flex items-center justify-center gap-4">
        <Button onClick={() => reset()}>Try again</Button>
        <Link href="/" className="text-indigo-700 underline">
          Go to your start page
        </Link>
      </div>
    </main>
  );
}
