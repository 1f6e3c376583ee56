// The officers' side of a case, one operation per file: the review queue (queue.ts), the case file
// (case-file.ts), every state change — assign, decide, countersign, note, acknowledge, re-screen,
// clear a party match, bulk approve — the decision record and the dashboard. Each change is one
// conditional UPDATE (expected version + allowed statuses + "not the submitter") with its
// Decision/notes and audit rows in the same transaction; when the UPDATE matches nothing,
// explainRefusal() (shared.ts) works out why and says so. Only officers and admins get past
// requireOfficer(). Import from '@/lib/data/cases'.
import 'server-only';
export * from './shared';
export * from './queue';
export * from './case-file';
export * from './assign';
export * from './decide';
export * from './countersign';
export * from './note';
export * from './acknowledge';
export * from './rescreen';
export * from './clear-match';
export * from './bulk-approve';
export * from './decision-record';
export * from './dashboard';
