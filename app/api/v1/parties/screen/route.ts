// POST /api/v1/parties/screen — screens up to 1,000 parties ({"parties": [{"name", "country"?, "id"?}]})
// against the active rule set's restricted-party lists; nothing is stored. Every party is validated
// first: any invalid one → 422 with its errors by index, and nothing is screened.
import { withApiKey, readJson, jsonError } from '@/lib/api';
import { screenPartiesNow } from '@/lib/data/batch-screening';
import { fieldErrors } from '@/lib/validation/application';
import { ZPartiesScreenRequest, ZPartyInput, type TPartyInput } from '@/lib/validation/parties';

export const dynamic = 'force-dynamic';

export const POST = withApiKey(async ({ request }) => {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const envelope = ZPartiesScreenRequest.safeParse(body.body);
  if (!envelope.success) return jsonError(422, 'The request is not valid.', { fieldErrors: fieldErrors(envelope.error) });
  const parties: TPartyInput[] = [];
  const rowErrors: { index: number; fieldErrors: Record<string, string[]> }[] = [];
  envelope.data.parties.forEach((raw, index) => {
    const parsed = ZPartyInput.safeParse(raw);
    if (parsed.success) parties.push(parsed.data);
    else rowErrors.push({ index, fieldErrors: fieldErrors(parsed.error) });
  });
  if (rowErrors.length)
    return jsonError(422, `${rowErrors.length} of ${envelope.data.parties.length} parties are not valid; nothing was screened.`, { rowErrors });
  return Response.json(await screenPartiesNow(parties));
});
