import { requireRole } from '@/lib/authz';

export default async function CasesPage() {
  await requireRole('OFFICER', 'ADMIN');
  return <h1 className="text-2xl font-semibold">Review queue</h1>;
}
