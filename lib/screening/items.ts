// The application's line items as the engine reads them.
import type { TScreeningApplication, TScreeningProduct } from './types';

/** `lineItems`, else the one-item shorthand `product` (results stored before line items), else none. */
export function itemsOf(app: TScreeningApplication): TScreeningProduct[] {
  if (Array.isArray(app.lineItems) && app.lineItems.length > 0) return app.lineItems;
  return app.product ? [app.product] : [];
}
