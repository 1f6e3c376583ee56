// POST /api/v1/screen — screen an application (PRODUCT.md §2) against the active rule set without
// storing anything. Answers the result as an exporter may see it (lib/cases/exporter-view.ts: no
// match evidence, no cleared-by names or justifications) or 422 with every field error.
import { withApiKey, readJson, jsonError } from '@/lib/api';
import { exporterScreeningResult } from '@/lib/cases/exporter-view';
import { screenInput } from '@/lib/data/screening';
import { ZApplicationInput, fieldErrors } from '@/lib/validation/application';

export const dynamic = 'force-dynamic';

export const POST = withApiKey(
  async ({ exporter, screeningContext, request }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = ZApplicationInput.safeParse(body.body);
    if (!parsed.success) return jsonError(422, 'The application is not valid.', { fieldErrors: fieldErrors(parsed.error) });
    const { result } = await screenInput(parsed.data, { exporter, context: screeningContext });
    return Response.json(exporterScreeningResult(result));
  },
  { screeningContext: true },
);
