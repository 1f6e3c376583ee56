import { Badge } from '@/components/ui/badge';

export function VersionStatusBadge({ status }: { status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED' }) {
  return status === 'ACTIVE' ? <Badge tone="green">Active</Badge> : status === 'DRAFT' ? <Badge tone="indigo">Draft</Badge> : <Badge tone="slate">Archived</Badge>;
}

export const formatDateTime = (d: Date | string | null) =>
  d ? new Date(d).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }) + ' UTC' : '—';
