import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { requireRole } from '@/lib/authz';

// Pages below check the role again themselves: layouts are not re-run for every request or action.
export default async function Layout({ children }: { children: ReactNode }) {
  const user = await requireRole('ADMIN');
  return <AppShell user={user}>{children}</AppShell>;
}
