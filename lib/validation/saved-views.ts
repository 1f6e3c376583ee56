// Saved queue views: an officer names the current /cases query (filters, sort, search) to reopen it
// from a tab. The query is reduced to the queue's own filter keys in a fixed order, so the same
// filters always give the same string (the tab of the page being shown is marked current).
import { z } from 'zod';
import { zId } from '@/lib/validation/ids';
import { safeString } from '@/lib/validation/fields';

/** The /cases URL keys a view keeps (never the page cursor). */
export const VIEW_KEYS = ['q', 'status', 'outcome', 'destination', 'organization', 'mine', 'age', 'sort'] as const;

/** A query string (with or without "?") reduced to the view keys, sorted, blanks dropped. */
export function canonicalViewQuery(raw: string | URLSearchParams | Record<string, string | string[] | undefined>): string {
  const source = raw instanceof URLSearchParams ? raw : typeof raw === 'string' ? new URLSearchParams(raw.replace(/^\?/, '')) : recordToParams(raw);
  const out = new URLSearchParams();
  for (const key of VIEW_KEYS) {
    const values = source
      .getAll(key)
      .map((v) => v.trim())
      .filter((v) => v !== '');
    // Severity is the queue's default order: leaving it out keeps "?sort=severity" and "" one view.
    for (const v of [...new Set(values)].sort()) if (!(key === 'sort' && v === 'severity')) out.append(key, v);
  }
  return out.toString();
}

function recordToParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(record)) {
    if (Array.isArray(v)) v.forEach((x) => p.append(k, x));
    else if (v !== undefined) p.append(k, v);
  }
  return p;
}

const viewName = z.preprocess(
  (v) => (v == null ? '' : v),
  safeString('View name', { error: 'Give the view a name' }).trim().min(1, 'Give the view a name').max(60, 'A view name can be at most 60 characters'),
);

export const ZSaveViewInput = z.object({
  name: viewName,
  query: z.preprocess((v) => (v == null ? '' : v), z.string().max(2000, 'These filters are too long to save').transform(canonicalViewQuery)),
});
export type TSaveViewInput = z.infer<typeof ZSaveViewInput>;

export const ZRenameViewInput = z.object({ viewId: zId('view'), name: viewName });
export type TRenameViewInput = z.infer<typeof ZRenameViewInput>;

export const ZDeleteViewInput = z.object({ viewId: zId('view') });
