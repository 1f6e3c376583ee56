'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A main-navigation link; active on its page and below it, unless a sibling link matches more closely. */
export function NavLink({ href, siblings, children }: { href: string; siblings: string[]; children: React.ReactNode }) {
  const pathname = usePathname();
  const matches = (h: string) => pathname === h || pathname.startsWith(`${h}/`);
  const active = matches(href) && !siblings.some((s) => s.length > href.length && matches(s));
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${active ? 'bg-indigo-50 text-indigo-800' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'}`}
    >
      {children}
    </Link>
  );
}
