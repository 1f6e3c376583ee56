// The calm frame around every signed-in page: product name, navigation for the role, who is signed in.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { TActor } from '@/lib/authz';
import { NavLink } from './nav-link';
import { SignOutButton } from './sign-out-button';

const NAV: Record<TActor['role'], { href: string; label: string }[]> = {
  EXPORTER: [
    { href: '/applications', label: 'Applications' },
    { href: '/applications/new', label: 'New application' },
  ],
  OFFICER: [
    { href: '/cases', label: 'Review queue' },
    { href: '/screening/batch', label: 'Batch screening' },
    { href: '/dashboard', label: 'Dashboard' },
  ],
  ADMIN: [
    { href: '/cases', label: 'Review queue' },
    { href: '/screening/batch', label: 'Batch screening' },
    { href: '/dashboard', label: 'Dashboard' },
    { href: '/admin/rules', label: 'Rules' },
    { href: '/admin/lists', label: 'Lists' },
    { href: '/admin/users', label: 'Users' },
    { href: '/admin/api-keys', label: 'API keys' },
    { href: '/admin/records', label: 'Records' },
    { href: '/admin/sla', label: 'Service levels' },
  ],
};

const ROLE_LABEL: Record<TActor['role'], string> = { EXPORTER: 'Exporter', OFFICER: 'Compliance officer', ADMIN: 'Administrator' };

export function AppShell({ user, children }: { user: TActor; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-6 py-3">
          <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900">
            {/* eslint-disable-next-line @next/next/no-img-element -- a 28 px static SVG from public/ needs no optimisation */}
            <img src="/logo.svg" alt="" width={28} height={28} className="h-7 w-7" />
            Clearance
          </Link>
          {/* on narrow screens the menu takes its own row (scrolling sideways if it must) instead of widening the page */}
          <nav aria-label="Main" className="order-last flex w-full gap-1 overflow-x-auto md:order-none md:w-auto md:flex-1">
            {NAV[user.role].map((item) => (
              <NavLink key={item.href} href={item.href} siblings={NAV[user.role].map((i) => i.href)}>{item.label}</NavLink>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-right">
            <div className="leading-tight">
              <p className="text-sm font-medium text-slate-900" data-testid="signed-in-user">{user.name}</p>
              <p className="text-xs text-slate-500"><span data-testid="signed-in-role">{ROLE_LABEL[user.role]}</span> · {user.email}</p>
            </div>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-6 py-8">{children}</main>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto max-w-7xl px-6 py-3 text-xs text-slate-500">
          Clearance supports compliance decisions; it is not legal advice. Check determinations against the current EAR (eCFR), the Federal Register, BIS and OFAC, and for EU exporters the Official Journal of the EU.{' '}
          <Link href="/sources" className="underline hover:text-slate-700">Data sources and attributions</Link>
        </p>
      </footer>
    </div>
  );
}
