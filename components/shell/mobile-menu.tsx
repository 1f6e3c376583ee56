'use client';
// The header's menu on narrow screens: a disclosure (<details>) holding the navigation, who is signed
// in and Sign out. It is keyed on the path, so it closes after a navigation.
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

export function MobileMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  return (
    <details key={pathname} className="group md:hidden" data-testid="mobile-menu">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
        </svg>
        Menu
      </summary>
      <div className="absolute inset-x-0 top-full z-20 border-b border-slate-200 bg-white px-4 pt-2 pb-4 shadow-lg">{children}</div>
    </details>
  );
}
