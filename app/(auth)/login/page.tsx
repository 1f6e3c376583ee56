import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { headers } from 'next/headers';
import { currentUser, homeFor } from '@/lib/authz';
import { safeCallbackPath } from '@/lib/safe-redirect';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const user = await currentUser();
  if (user) redirect(homeFor(user.role));
  const { callbackUrl } = await searchParams;
  // Only same-origin paths, parsed as the browser will: never another site after sign-in.
  const h = await headers();
  const origin = `${h.get('x-forwarded-proto') === 'https' ? 'https' : 'http'}://${h.get('host') ?? 'localhost'}`;
  const next = safeCallbackPath(typeof callbackUrl === 'string' ? callbackUrl : null, origin);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          {/* eslint-disable-next-line @next/next/no-img-element -- a static SVG from public/ */}
          <img src="/logo.svg" alt="" width={48} height={48} className="mx-auto mb-3 h-12 w-12" />
          <p className="text-2xl font-semibold tracking-tight text-slate-900">Clearance</p>
          <p className="mt-1 text-sm text-slate-600">Export-licence screening</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
          <LoginForm callbackUrl={next} />
        </div>
      </div>
    </main>
  );
}
