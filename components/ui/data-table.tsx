// A table that becomes stacked cards on narrow screens (`cards-sm|md|lg` in app/globals.css): each
// row a card, each cell a line headed by its column's data-label. One place for the markup every
// list page repeated: caption, column headers, data-label per cell, the keyboard-scrollable region.
//   <DataTable cards="md" caption="API keys" rows={keys} rowKey={(k) => k.id}
//     columns={[{ key: 'name', header: 'Name', cell: (k) => k.name }, decided && { key: 'decision', … }]} />
// A server component: columns hold functions, so pages build them on the server.
import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

type TDataAttributes = { [key: `data-${string}`]: string | number | boolean | undefined };
type TCellProps = Omit<ComponentProps<'td'>, 'children'> & TDataAttributes;
type TRowProps = Omit<ComponentProps<'tr'>, 'children'> & TDataAttributes;

export type TColumn<T> = {
  key: string;
  header: ReactNode;
  /** The cell's name on a phone card. Defaults to the header when that is text; null for none (the card's head line). */
  label?: string | null;
  cell: (row: T) => ReactNode;
  /** Classes of this column's cells (merged over the table's cell padding). */
  className?: string;
  headerClassName?: string;
  /** Per-row attributes of the cell (test id, title, a class that depends on the row). */
  cellProps?: (row: T) => TCellProps;
};

type TLook = 'framed' | 'plain';

// whole class names, so a search for them finds this file
const CARDS = { sm: 'cards-sm', md: 'cards-md', lg: 'cards-lg' } as const;
// a sticky header only where the rows are a table (as cards the header is visually hidden)
const STICKY_HEAD = { sm: 'sm:sticky sm:top-0 sm:z-10', md: 'md:sticky md:top-0 md:z-10', lg: 'lg:sticky lg:top-0 lg:z-10' } as const;

const LOOK: Record<TLook, { wrapper: string; head: string; headCell: string; body: string; cell: string }> = {
  // its own bordered box, shaded header: a table that is the main content of a page or panel
  framed: {
    wrapper: 'overflow-x-auto rounded-lg border border-slate-200 bg-white',
    head: 'bg-slate-50',
    headCell: 'px-4 py-2.5',
    body: 'bg-white',
    cell: 'px-4 py-3',
  },
  // inside a section that is already a card: no border, columns spaced by right padding
  plain: { wrapper: 'overflow-x-auto', head: '', headCell: 'py-2 pr-4 last:pr-0', body: '', cell: 'py-2.5 pr-4 last:pr-0' },
};

export function DataTable<T>({
  columns,
  rows,
  rowKey,
  cards,
  look = 'plain',
  align = 'top',
  caption,
  region,
  wrapperClassName,
  className,
  headCellClassName,
  cellClassName,
  rowProps,
  empty,
  footer,
  testId,
  bodyTestId,
  stickyHead = false,
}: {
  /** false / null entries are left out, so a column can be conditional: `decided && { … }`. */
  columns: readonly (TColumn<T> | false | null | undefined)[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Below which width rows become cards: sm 640 px, md 768 px, lg 1024 px (wide tables). */
  cards: keyof typeof CARDS;
  look?: TLook;
  /** Cells' vertical alignment: top suits rows whose cells wrap to several lines. */
  align?: 'top' | 'middle';
  /** Read by screen readers (visually hidden); names the table. */
  caption?: string;
  /** When set, the table sits in a keyboard-scrollable region with this name (tabIndex 0, role region). */
  region?: string;
  /** Classes of the box around the table; with neither this nor region nor look="framed", no box. */
  wrapperClassName?: string;
  className?: string;
  headCellClassName?: string;
  cellClassName?: string;
  rowProps?: (row: T) => TRowProps;
  /** Shown in one full-width row when there are no rows (otherwise the page decides what to show). */
  empty?: ReactNode;
  /** Inside the box, under the table (pagination). */
  footer?: ReactNode;
  testId?: string;
  bodyTestId?: string;
  /** The header row stays in view while a scrolling region scrolls (needs a shaded head: look="framed" or headClassName). */
  stickyHead?: boolean;
}) {
  const cols = columns.filter((c): c is TColumn<T> => !!c);
  const style = LOOK[look];
  const table = (
    <table className={cn(CARDS[cards], 'min-w-full divide-y divide-slate-200 text-left text-sm', className)} data-testid={testId}>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead
        className={cn('text-left text-xs font-semibold tracking-wide text-slate-600 uppercase', style.head, stickyHead && [STICKY_HEAD[cards], 'bg-slate-50'])}
      >
        <tr>
          {cols.map((c) => (
            <th key={c.key} scope="col" className={cn(style.headCell, headCellClassName, c.headerClassName)}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={cn('divide-y divide-slate-100', style.body)} data-testid={bodyTestId}>
        {rows.map((row) => {
          const { className: rowClass, ...rowRest } = rowProps?.(row) ?? {};
          return (
            <tr key={rowKey(row)} className={cn(align === 'top' && 'align-top', rowClass) || undefined} {...rowRest}>
              {cols.map((c) => {
                const { className: cellClass, ...cellRest } = c.cellProps?.(row) ?? {};
                const label = c.label === undefined ? (typeof c.header === 'string' ? c.header : undefined) : (c.label ?? undefined);
                return (
                  <td key={c.key} data-label={label} className={cn(style.cell, cellClassName, c.className, cellClass)} {...cellRest}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          );
        })}
        {rows.length === 0 && empty ? (
          <tr>
            <td colSpan={cols.length} className="px-4 py-8 text-center text-slate-500">
              {empty}
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
  if (!region && !wrapperClassName && !footer && look === 'plain') return table;
  return (
    <div className={cn(style.wrapper, wrapperClassName)} {...(region ? { tabIndex: 0, role: 'region', 'aria-label': region } : {})}>
      {table}
      {footer}
    </div>
  );
}
