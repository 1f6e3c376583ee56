// Finding 15: everything an exporter receives goes through one projection. A match cleared in
// ANOTHER organisation's case, with the officer's name and internal justification, must not reach
// the exporter on any route: the screen API, the submit API, the status API, the application page's
// data, the decision-record PDF's data.
import { describe, expect, it } from 'vitest';
import { POST as screenRoute } from '@/app/api/v1/screen/route';
import { POST as submitRoute } from '@/app/api/v1/applications/route';
import { GET as statusRoute } from '@/app/api/v1/applications/[id]/route';
import { db } from '@/lib/db';
import { INTERNAL_KEYS } from '@/lib/cases/exporter-view';
import { getApplicationForExporter, submitAndScreen } from '@/lib/data/applications';
import { getDecisionRecord } from '@/lib/data/cases';
import { screenInput } from '@/lib/data/screening';
import { renderDecisionRecord } from '@/lib/pdf/decision-record';
import { applicationInput } from '@/test/admin-helpers';
import { createExporterApiKey, createUser } from '@/test/factories';

const SECRET_NAME = 'Officer Zebedee Quartermain';
const SECRET_WHY = 'INTERNAL: bank confirmed by phone with our contact';

/** Every key anywhere in a JSON value. */
function keysIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysIn(v, out);
    }
  }
  return out;
}

function expectNothingInternal(value: unknown) {
  const text = JSON.stringify(value);
  expect(text).not.toContain('Zebedee');
  expect(text).not.toContain('bank confirmed by phone');
  const keys = keysIn(JSON.parse(text));
  for (const k of INTERNAL_KEYS) expect(keys.has(k), `key "${k}" reached the exporter`).toBe(false);
}

describe('the exporter-facing projection on every exporter route (finding 15)', () => {
  it('no cleared-by name, justification or evidence on the screen API, submit, status, page data or PDF', async () => {
    // Another organisation's case: an officer clears the match "Banco Nacional de Cuba" ↔ SDN 306.
    const officer = await db.user.create({ data: { email: `zq-${Date.now()}@test.example`, name: SECRET_NAME, role: 'OFFICER', passwordHash: 'x' } });
    const input = applicationInput({ endUser: 'Banco Nacional de Cuba', country: 'BR' });
    const raw = await screenInput(input);
    const hit = raw.result.findings.find((f) => f.kind === 'PARTY_MATCH' && f.evidence.entryId === '306');
    expect(hit, 'the reference data has SDN 306').toBeTruthy();
    await db.clearedMatch.create({
      data: {
        listCode: 'SDN',
        entryExternalId: '306',
        entryContentHash: hit!.evidence.entryContentHash as string,
        partyName: 'Banco Nacional de Cuba',
        partyNameKey: 'banco nacional de cuba',
        justification: SECRET_WHY,
        clearedById: officer.id,
      },
    });
    // The engine's own result now carries the clearing (what the probe saw on the screen API).
    const engine = await screenInput(input);
    expect(JSON.stringify(engine.result)).toContain('Zebedee');

    const { exporter, key } = await createExporterApiKey();
    const post = (url: string, body: unknown) =>
      new Request(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

    const screened = await screenRoute(post('http://test/api/v1/screen', input));
    expect(screened.status).toBe(200);
    const screenedBody = await screened.json();
    expect(screenedBody).toMatchObject({ outcome: engine.result.outcome, ruleSetVersion: engine.result.ruleSetVersion });
    expectNothingInternal(screenedBody);

    const submitted = await submitRoute(post('http://test/api/v1/applications', input));
    expect(submitted.status).toBe(201);
    const { id } = (await submitted.json()) as { id: string };
    const status = await statusRoute(new Request('http://test', { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ id }) });
    expect(status.status).toBe(200);
    expectNothingInternal(await status.json());

    const page = await getApplicationForExporter(exporter, id);
    expectNothingInternal({ runs: page.runs, decisions: page.decisions, messages: page.messages });

    // Decided: the exporter may download the decision record.
    const decider = await createUser('OFFICER');
    await db.application.update({ where: { id }, data: { status: 'DENIED', decidedAt: new Date() } });
    await db.decision.create({
      data: { applicationId: id, type: 'DENY', officerId: decider.id, reason: 'Sanctioned bank', note: 'INTERNAL note for officers' },
    });
    const record = await getDecisionRecord(exporter, id);
    expectNothingInternal(record.latestRun?.findings.map(({ evidence: _e, ...f }) => f));
    expect(record.latestRun?.findings.every((f) => Object.keys(f.evidence).length === 0)).toBe(true);
    // The PDF renders from exactly this record (its text is encoded, so the record is what is checked).
    expect((await renderDecisionRecord(record)).byteLength).toBeGreaterThan(1000);
    // The officer still sees it all.
    const officerRecord = await getDecisionRecord({ ...decider }, id);
    expect(JSON.stringify(officerRecord.latestRun?.findings)).toContain('Zebedee');

    // The same exporter submitting directly (not through the API) is projected the same way.
    const direct = await submitAndScreen({ actor: exporter, input });
    expectNothingInternal((await getApplicationForExporter(exporter, direct.id)).runs);
  });
});
