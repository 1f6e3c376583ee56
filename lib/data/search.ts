// Case search, shared by the officers' queue and the exporters' list: every word must occur in the
// application's search text (reference, product names, ECCNs, party names, organisation), which a
// database trigger keeps and a trigram index serves (migration 20261201143300_queue_search).
import type { Prisma } from '@/lib/generated/prisma/client';

/** The words of a search, lower-cased and de-duplicated (at most 8). */
export function searchTerms(q: string | undefined | null): string[] {
  if (!q) return [];
  return [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 8);
}

/** A where-clause matching applications that contain every word of `q` (empty for no search). */
export function searchWhere(q: string | undefined | null): Prisma.ApplicationWhereInput {
  const terms = searchTerms(q);
  return terms.length ? { AND: terms.map((term) => ({ searchText: { contains: term } })) } : {};
}
