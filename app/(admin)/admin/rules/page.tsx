import { requireRole } from '@/lib/authz';

export default async function AdminRulesPage() {
  await requireRole('ADMIN');
  return <h1 className="text-2xl font-semibold">Rules</h1>;
}
