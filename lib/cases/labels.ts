// Moved: words are in lib/labels.ts, status sets in lib/codes.ts. This re-export keeps branches
// written before the move compiling; import from those modules in new code.
export * from '@/lib/labels';
export { CASE_STATUSES, OPEN_STATUSES, OUTCOMES } from '@/lib/codes';
