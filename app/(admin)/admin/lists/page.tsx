import { requireRole } from '@/lib/authz';

export default async function AdminListsPage() {
  await requireRole('ADMIN');
  return <h1 className="text-2xl font-semibold">Lists</h1>;
}
