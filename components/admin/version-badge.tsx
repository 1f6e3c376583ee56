import { Badge } from '@/components/ui/badge';

export function VersionStatusBadge({ status }: { status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED' }) {
  return status === 'ACTIVE' ? (
    <Badge tone="green">Active</Badge>
  ) : status === 'DRAFT' ? (
    <Badge tone="indigo">Draft</Badge>
  ) : (
    <Badge tone="slate">Archived</Badge>
  );
}

export { formatDateTime } from '@/lib/format';
