import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Not found</h1>
      <p className="mt-3 text-slate-600">This page does not exist, or it is not yours to see.</p>
      <Link href="/" className="mt-6 inline-block text-indigo-700 underline">
        Go to your start page
      </Link>
    </main>
  );
}
