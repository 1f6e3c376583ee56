// The calm frame around every signed-in page: product name, navigation for the role, who is signed in.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { TActor } from '@/lib/authz';
import { MobileMenu } from './mobile-menu';
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
  const nav = NAV[user.role];
  const siblings = nav.map((i) => i.href);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white focus:not-sr-only focus:absolute focus:top-3 focus:left-4"
      >
        Skip to main content
      </a>
      <header className="relative border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Link href="/" className="flex shrink-0 items-center gap-2 text-lg font-semibold tracking-tight text-slate-900">
            {/* eslint-disable-next-line @next/next/no-img-element -- a 28 px static SVG from public/ needs no optimisation */}
            <img src="/logo.svg" alt="" width={28} height={28} className="h-7 w-7" />
            Clearance
          </Link>
          {/* wide screens: the menu in the header row; narrow screens: behind the Menu button */}
          <nav aria-label="Main" className="hidden min-w-0 flex-1 flex-wrap gap-1 md:flex">
            {nav.map((item) => (
              <NavLink key={item.href} href={item.href} siblings={siblings}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="hidden shrink-0 items-center gap-3 text-right md:flex">
            <div className="leading-tight">
              <p className="text-sm font-medium text-slate-900" data-testid="signed-in-user">
                {user.name}
              </p>
              <p className="text-xs text-slate-600">
                <span data-testid="signed-in-role">{ROLE_LABEL[user.role]}</span>
                <span className="hidden lg:inline"> · {user.email}</span>
              </p>
            </div>
            <SignOutButton />
          </div>
          <MobileMenu>
            <nav aria-label="Main" className="flex flex-col gap-1">
              {nav.map((item) => (
                <NavLink key={item.href} href={item.href} siblings={siblings}>
                  {item.label}
                </NavLink>
              ))}
            </nav>
            <div className="mt-3 flex items-center justify-between gap-3 border-t border-slate-200 pt-3">
              <div className="min-w-0 leading-tight">
                <p className="text-sm font-medium text-slate-900">{user.name}</p>
                <p className="text-xs break-words text-slate-600">
                  {ROLE_LABEL[user.role]} · {user.email}
                </p>
              </div>
              <SignOutButton />
            </div>
          </MobileMenu>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none sm:px-6 sm:py-8">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto max-w-7xl px-4 py-3 text-xs text-slate-600 sm:px-6">
          Clearance supports compliance decisions; it is not legal advice. Check determinations against the current EAR (eCFR), the Federal Register, BIS and
          OFAC, and for EU exporters the Official Journal of the EU.{' '}
          <Link href="/sources" className="underline hover:text-slate-800">
            Data sources and attributions
          </Link>
        </p>
      </footer>
    </div>
  );
}
