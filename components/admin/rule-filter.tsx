'use client';
// Filters the rules page as you type: every rule card (and its entry in the table of contents)
// carries data-rule-text (title, id, kind, basis, description, citation); cards that do not contain
// every typed word are hidden. Server-rendered cards stay in the page, so nothing is refetched.
import { useState } from 'react';

/** Hides the cards and contents entries that do not contain every word; returns how many cards match. */
function apply(query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (el: HTMLElement) => words.every((w) => (el.dataset.ruleText ?? '').includes(w));
  let count = 0;
  document.querySelectorAll<HTMLElement>('[data-rule-card]').forEach((card) => {
    card.hidden = !matches(card);
    if (!card.hidden) count += 1;
  });
  document.querySelectorAll<HTMLElement>('[data-rule-toc]').forEach((entry) => {
    entry.hidden = !matches(entry);
  });
  return count;
}

export function RuleFilter({ total }: { total: number }) {
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(total);
  const onChange = (value: string) => {
    setQuery(value);
    setShown(apply(value));
  };

  return (
    <div role="search" aria-label="Filter rules" className="flex flex-wrap items-end gap-3">
      <label className="min-w-0 flex-1 basis-64 text-sm text-slate-700">
        <span className="block font-medium">Filter rules</span>
        <input
          type="search"
          value={query}
          onChange={(e) => onChange(e.target.value)}
          placeholder="Title, id, citation, kind…"
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          aria-describedby="rule-filter-count"
        />
      </label>
      <p id="rule-filter-count" aria-live="polite" className="pb-1.5 text-sm text-slate-600" data-testid="rule-filter-count">
        {query ? `${shown} of ${total} rules match` : `${total} rules`}
      </p>
    </div>
  );
}
