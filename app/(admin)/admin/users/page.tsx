import { requireRole } from '@/lib/authz';

export default async function AdminUsersPage() {
  await requireRole('ADMIN');
  return <h1 className="text-2xl font-semibold">Users</h1>;
}
