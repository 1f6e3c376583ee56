// POST /api/v1/applications — submit an application: validated, screened and stored in one
// transaction, as the key's exporter user. Answers 201 with the reference, status and outcome.
import { withApiKey, readJson, jsonError } from '@/lib/api';
import { submitAndScreen } from '@/lib/data/applications';
import { ZApplicationInput, fieldErrors } from '@/lib/validation/application';

export const dynamic = 'force-dynamic';

export const POST = withApiKey(
  async ({ actor, exporter, screeningContext, request }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = ZApplicationInput.safeParse(body.body);
    if (!parsed.success) return jsonError(422, 'The application is not valid.', { fieldErrors: fieldErrors(parsed.error) });
    const submitted = await submitAndScreen({ actor, exporter, context: screeningContext, input: parsed.data });
    return Response.json(
      { id: submitted.id, reference: submitted.reference, status: 'SUBMITTED', outcome: submitted.outcome, url: `/applications/${submitted.id}` },
      { status: 201, headers: { Location: `/api/v1/applications/${submitted.id}` } },
    );
  },
  { screeningContext: true },
);
