// The one schema for a party to screen (batch CSV row, POST /api/v1/parties/screen): a name, an
// optional country (ISO code or an English country name), an optional reference of the caller's own.
import { z } from 'zod';
import { countryCodeFrom } from '../countries';

export const MAX_BATCH_ROWS = 100_000;
export const MAX_API_PARTIES = 1_000;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const ZPartyInput = z.object({
  id: z.preprocess(blank, z.string().trim().max(100, 'The id can be at most 100 characters').optional()),
  name: z
    .string({ error: 'The name is required' })
    .trim()
    .min(1, { message: 'The name is required', abort: true })
    .max(300, 'The name can be at most 300 characters'),
  country: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .transform((v, ctx) => {
        const code = countryCodeFrom(v);
        if (!code) {
          ctx.addIssue({ code: 'custom', message: `"${v}" is not a country (use an ISO code such as DE, or an English country name)` });
          return z.NEVER;
        }
        return code;
      })
      .optional(),
  ),
});
export type TPartyInput = z.infer<typeof ZPartyInput>;

/** The API body: { parties: [...] } — each party validated on its own so the errors name their row. */
export const ZPartiesScreenRequest = z.object({
  parties: z
    .array(z.unknown(), { error: 'Send {"parties": [{"name": "…", "country": "DE", "id": "…"}, …]}' })
    .min(1, 'Send at least one party')
    .max(MAX_API_PARTIES, `At most ${MAX_API_PARTIES} parties per call; split the list or upload a batch file`),
});

/** The first message of each problem, joined for one line of a result file. */
export function partyErrorText(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}
