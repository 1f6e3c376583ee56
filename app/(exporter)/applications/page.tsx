import { requireRole } from '@/lib/authz';

export default async function ApplicationsPage() {
  await requireRole('EXPORTER');
  return <h1 className="text-2xl font-semibold">Applications</h1>;
}
