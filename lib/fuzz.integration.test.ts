// Fuzzing through the real route handlers and data layer (issue 13): generated bodies to the JSON
// API and generated drafts to the data layer; 0 server errors, each refusal a field error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POST as screenRoute } from '@/app/api/v1/screen/route';
import { POST as submitRoute } from '@/app/api/v1/applications/route';
import { db } from '@/lib/db';
import { saveDraft } from '@/lib/data/applications';
import { isAppError } from '@/lib/errors';
import { createExporterApiKey } from '@/test/factories';
import { applicationArb, nastyValue } from '@/test/fuzz-arbitraries';

describe('fuzzing the JSON API and the data layer', () => {
  it('300 generated bodies to POST /api/v1/screen and /api/v1/applications: never 5xx, 422 with field errors', async () => {
    const { id, key: k } = await createExporterApiKey({ name: 'fuzz' });
    // The fuzz run is not a rate-limit test.
    await db.rateLimitCounter.deleteMany({ where: { key: `api:${id}` } });
    process.env.API_RATE_LIMIT_PER_MINUTE = '100000';
    const { env } = await import('@/lib/env');
    (env() as { API_RATE_LIMIT_PER_MINUTE: number }).API_RATE_LIMIT_PER_MINUTE = 100000;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: applicationArb }, { weight: 1, arbitrary: nastyValue }), fc.boolean(), async (body, submit) => {
        const route = submit ? submitRoute : screenRoute;
        const res = await route(
          new Request('http://test/api', {
            method: 'POST',
            headers: { authorization: `Bearer ${k}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
        );
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status).toBeLessThan(500);
        if (res.status === 422) {
          const { fieldErrors } = (await res.json()) as { fieldErrors: Record<string, string[]> };
          expect(Object.keys(fieldErrors).length).toBeGreaterThan(0);
        } else expect([200, 201]).toContain(res.status);
      }),
      { numRuns: 300 },
    );
    expect(statuses.get(422)).toBeGreaterThan(0);
  });

  it('100 generated drafts: saved, or refused with an AppError (never a database error)', async () => {
    const { exporter } = await createExporterApiKey({ name: 'fuzz' });
    await fc.assert(
      fc.asyncProperty(fc.oneof(applicationArb, fc.dictionary(fc.string(), nastyValue, { maxKeys: 4 })), async (data) => {
        try {
          await saveDraft({ actor: exporter, data: data as Record<string, unknown> });
        } catch (err) {
          expect(isAppError(err), String(err)).toBe(true);
        }
      }),
      // found by this property in CI: a key named like an Object.prototype member
      { numRuns: 100, examples: [[{ valueOf: '\u0000' }], [JSON.parse('{"__proto__": "\\u0000", "constructor": ["\\u0000"]}') as Record<string, unknown>]] },
    );
  });
});
