// Outcome and status in words, with calm colours (Clear green, Review amber, Licence required
// orange, Prohibited red). The words themselves are lib/labels.ts's, for badges and all other text alike.
//   <OutcomeBadge outcome="LICENSE_REQUIRED" />   <StatusBadge status="INFO_REQUESTED" />   <Badge tone="slate">x</Badge>
import type { ReactNode } from 'react';
import { cn } from './cn';

export type TOutcomeCode = 'CLEAR' | 'REVIEW' | 'LICENSE_REQUIRED' | 'PROHIBITED';
export type TStatusCode =
  'DRAFT' | 'SUBMITTED' | 'IN_REVIEW' | 'INFO_REQUESTED' | 'ESCALATED' | 'AWAITING_COUNTERSIGNATURE' | 'APPROVED' | 'APPROVED_IN_PART' | 'DENIED' | 'WITHDRAWN';
export type TTone = 'green' | 'amber' | 'orange' | 'red' | 'slate' | 'indigo' | 'sky';

// One set of words for outcomes and statuses across the product (badges, tables, CSV, PDF): lib/labels.ts.
import { OUTCOME_LABEL, STATUS_LABEL } from '@/lib/labels';

const OUTCOME_TONE: Record<TOutcomeCode, TTone> = { CLEAR: 'green', REVIEW: 'amber', LICENSE_REQUIRED: 'orange', PROHIBITED: 'red' };
const STATUS_TONE: Record<TStatusCode, TTone> = {
  DRAFT: 'slate',
  SUBMITTED: 'indigo',
  IN_REVIEW: 'indigo',
  INFO_REQUESTED: 'sky',
  ESCALATED: 'indigo',
  AWAITING_COUNTERSIGNATURE: 'indigo',
  APPROVED: 'green',
  APPROVED_IN_PART: 'amber',
  DENIED: 'red',
  WITHDRAWN: 'slate',
};

const TONES: Record<TTone, string> = {
  green: 'bg-emerald-50 text-emerald-800 ring-emerald-600/25',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/30',
  orange: 'bg-orange-50 text-orange-800 ring-orange-600/30',
  red: 'bg-red-50 text-red-800 ring-red-600/25',
  slate: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  indigo: 'bg-indigo-50 text-indigo-800 ring-indigo-600/20',
  sky: 'bg-sky-50 text-sky-800 ring-sky-600/25',
};
const DOT: Record<TTone, string> = {
  green: 'bg-emerald-500',
  amber: 'bg-amber-500',
  orange: 'bg-orange-500',
  red: 'bg-red-600',
  slate: 'bg-slate-400',
  indigo: 'bg-indigo-500',
  sky: 'bg-sky-500',
};

export function Badge({
  tone = 'slate',
  children,
  size = 'sm',
  testId,
  className,
}: {
  tone?: TTone;
  children: ReactNode;
  size?: 'sm' | 'lg';
  testId?: string;
  className?: string;
}) {
  return (
    <span
      data-testid={testId}
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full font-medium whitespace-nowrap ring-1 ring-inset',
        TONES[tone],
        size === 'lg' ? 'px-3 py-1 text-sm' : 'px-2 py-0.5 text-xs',
        className,
      )}
    >
      <span aria-hidden className={cn('h-1.5 w-1.5 rounded-full', DOT[tone])} />
      {children}
    </span>
  );
}

export function OutcomeBadge({ outcome, size, testId }: { outcome: TOutcomeCode | null | undefined; size?: 'sm' | 'lg'; testId?: string }) {
  if (!outcome) return <span className="text-sm text-slate-500">Not screened</span>;
  return (
    <Badge tone={OUTCOME_TONE[outcome]} size={size} testId={testId}>
      {OUTCOME_LABEL[outcome]}
    </Badge>
  );
}

export function StatusBadge({ status, size, testId }: { status: TStatusCode; size?: 'sm' | 'lg'; testId?: string }) {
  return (
    <Badge tone={STATUS_TONE[status]} size={size} testId={testId}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}
