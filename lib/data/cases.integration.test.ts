// The officers' data layer against a real database: checked transitions under concurrency,
// countersignature, requests for information, cleared matches across list versions, the queue's
// keyset pagination, authorization, and `npm run audit:verify` on a tampered row.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { verifyAuditChain } from '@/lib/data/audit';
import { submitAndScreen } from '@/lib/data/applications';
import {
  acknowledgeOutcomeChange,
  addCaseNote,
  assignCaseToMe,
  bulkApproveClear,
  clearPartyMatch,
  countCasesByStatus,
  countersignCase,
  decideCase,
  findCasesForQueue,
  getCaseForOfficer,
  getDecisionRecord,
  rescreenCase,
} from '@/lib/data/cases';
import { createRuleSetVersion, getActiveRuleSet, loadClearedMatches, loadRuleSetData, loadScreeningContext } from '@/lib/data/rulesets';
import { AppError } from '@/lib/errors';
import { partyMatchEvidence } from '@/lib/cases/findings';
import type { TFinding } from '@/lib/screening/types';
import { ZApplicationInput } from '@/lib/validation/application';
import { ZQueueFilter } from '@/lib/validation/decision';
import { createOrganization, createUser } from '@/test/factories';

const run = promisify(execFile);

type TOverrides = { eccn?: string | null; country?: string; endUserName?: string; endUserCountry?: string };

function application(o: TOverrides = {}) {
  const country = o.country ?? 'DE';
  return ZApplicationInput.parse({
    product: { name: `Door controller ${randomUUID().slice(0, 6)}`, description: 'Badge reader for office doors', eccn: o.eccn === undefined ? 'EAR99' : o.eccn, kind: 'HARDWARE', quantity: 4, unitValueUsd: 250, biometric: null },
    destination: { country, region: null },
    endUser: { name: o.endUserName ?? 'Acme Buildings GmbH', country: o.endUserCountry ?? country, address: 'Hauptstrasse 1', type: 'COMMERCIAL' },
    consignees: [],
    endUse: { category: 'ACCESS_CONTROL', description: 'Office doors' },
    redFlags: [],
  });
}

async function submitCase(exporter: TActor, o: TOverrides = {}) {
  const { id, outcome } = await submitAndScreen({ actor: exporter, input: application(o) });
  const { version } = await db.application.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return { id, outcome, version };
}

async function expectAppError(promise: Promise<unknown>, code: AppError['code'], message?: RegExp) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (message) expect((err as AppError).message).toMatch(message);
  return err as AppError;
}

async function team() {
  const org = await createOrganization();
  const exporter = await createUser('EXPORTER', { organizationId: org.id });
  const officer = await createUser('OFFICER');
  const officer2 = await createUser('OFFICER');
  return { org, exporter, officer, officer2 };
}

describe('decisions', () => {
  it('20 concurrent approve/deny calls on one case: exactly one succeeds, no orphan decisions, chain intact', async () => {
    const { exporter } = await team();
    const officers = await Promise.all(Array.from({ length: 20 }, () => createUser('OFFICER')));
    const c = await submitCase(exporter);
    expect(c.outcome).toBe('CLEAR');
    const results = await Promise.allSettled(
      officers.map((officer, i) =>
        decideCase({
          actor: officer,
          decision: i % 2 === 0
            ? { type: 'APPROVE', caseId: c.id, expectedVersion: c.version, note: `approve ${i}` }
            : { type: 'DENY', caseId: c.id, expectedVersion: c.version, reason: `deny ${i}` },
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(19);
    for (const f of failed) {
      expect(f.reason).toBeInstanceOf(AppError);
      expect((f.reason as AppError).code).toBe('CONFLICT');
    }
    // One case decision, and (since line items) one decision for its one item, by the same officer.
    const decisions = await db.decision.findMany({ where: { applicationId: c.id, lineItemPosition: null } });
    expect(decisions).toHaveLength(1);
    const itemDecisions = await db.decision.findMany({ where: { applicationId: c.id, lineItemPosition: { not: null } } });
    expect(itemDecisions.map((d) => [d.lineItemPosition, d.type, d.officerId])).toEqual([[0, decisions[0]!.type, decisions[0]!.officerId]]);
    const app = await db.application.findUniqueOrThrow({ where: { id: c.id } });
    expect(app.status).toBe(decisions[0]!.type === 'APPROVE' ? 'APPROVED' : 'DENIED');
    expect(app.version).toBe(c.version + 1);
    expect(app.decidedAt).not.toBeNull();
    // Every decision row has the audit row written with it, and vice versa.
    const audits = await db.auditEvent.findMany({ where: { entityType: 'Application', entityId: c.id, action: { in: ['CASE_APPROVED', 'CASE_DENIED'] } } });
    expect(audits).toHaveLength(1);
    expect((audits[0]!.data as { decisionId: string }).decisionId).toBe(decisions[0]!.id);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('licence-required approval needs a licence reference, waits for a second officer, and the approver cannot countersign', async () => {
    const { exporter, officer, officer2 } = await team();
    const c = await submitCase(exporter, { eccn: '3A981', country: 'BR' });
    expect(c.outcome).toBe('LICENSE_REQUIRED');

    const invalid = await expectAppError(decideCase({ actor: officer, decision: { type: 'APPROVE', caseId: c.id, expectedVersion: c.version } }), 'INVALID');
    expect(Object.keys((invalid.details as { fieldErrors: Record<string, string[]> }).fieldErrors).sort()).toEqual(['licenseExpiresAt', 'licenseReference']);
    await expectAppError(
      decideCase({ actor: officer, decision: { type: 'APPROVE', caseId: c.id, expectedVersion: c.version, licenseReference: 'D123', licenseExpiresAt: '2001-01-01' } }),
      'INVALID',
    );
    expect(await db.decision.count({ where: { applicationId: c.id } })).toBe(0);

    const approved = await decideCase({
      actor: officer,
      decision: { type: 'APPROVE', caseId: c.id, expectedVersion: c.version, licenseReference: 'D1234567', licenseExpiresAt: '2030-06-30', conditions: 'No re-export' },
    });
    expect(approved.status).toBe('AWAITING_COUNTERSIGNATURE');
    const pending = await db.application.findUniqueOrThrow({ where: { id: c.id } });
    expect(pending.decidedAt).toBeNull();

    await expectAppError(countersignCase({ actor: officer, input: { caseId: c.id, expectedVersion: approved.version } }), 'FORBIDDEN', /second officer/);
    await expectAppError(countersignCase({ actor: exporter, input: { caseId: c.id, expectedVersion: approved.version } }), 'FORBIDDEN');
    // An approval waiting for countersignature cannot be decided again.
    await expectAppError(decideCase({ actor: officer2, decision: { type: 'DENY', caseId: c.id, expectedVersion: approved.version, reason: 'no' } }), 'CONFLICT', /awaiting countersignature/);

    const signed = await countersignCase({ actor: officer2, input: { caseId: c.id, expectedVersion: approved.version, note: 'Agree' } });
    expect(signed.status).toBe('APPROVED');
    const decision = await db.decision.findFirstOrThrow({ where: { applicationId: c.id, lineItemPosition: null } });
    expect(decision).toMatchObject({ officerId: officer.id, countersignedById: officer2.id, licenseReference: 'D1234567', requiresCountersignature: true, conditions: 'No re-export' });
    expect(decision.licenseExpiresAt?.toISOString().slice(0, 10)).toBe('2030-06-30');
    const app = await db.application.findUniqueOrThrow({ where: { id: c.id } });
    expect(app.status).toBe('APPROVED');
    expect(app.decidedAt).not.toBeNull();
    // A second countersignature finds nothing to sign.
    await expectAppError(countersignCase({ actor: officer2, input: { caseId: c.id, expectedVersion: app.version } }), 'CONFLICT');

    // The exporter's organisation can read the decision record; another organisation cannot.
    const record = await getDecisionRecord(exporter, c.id);
    expect(record.decision?.licenseReference).toBe('D1234567');
    expect(record.decision?.countersignedBy?.name).toBe(officer2.name);
    const stranger = await createUser('EXPORTER');
    await expectAppError(getDecisionRecord(stranger, c.id), 'NOT_FOUND');
  });

  it('a stale version is refused with "changed", and the case keeps the first decision', async () => {
    const { exporter, officer, officer2 } = await team();
    const c = await submitCase(exporter);
    const assigned = await assignCaseToMe({ actor: officer, caseId: c.id, expectedVersion: c.version });
    expect(assigned.status).toBe('IN_REVIEW');
    const row = await db.application.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: 'IN_REVIEW', assignedToId: officer.id, version: c.version + 1 });
    await expectAppError(decideCase({ actor: officer2, decision: { type: 'DENY', caseId: c.id, expectedVersion: c.version, reason: 'late' } }), 'CONFLICT', /changed since you opened it/);
    await decideCase({ actor: officer2, decision: { type: 'ESCALATE', caseId: c.id, expectedVersion: c.version + 1, note: 'Needs a second look' } });
    expect((await db.application.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('ESCALATED');
    // Escalated cases can be decided, but not escalated again.
    await expectAppError(decideCase({ actor: officer, decision: { type: 'ESCALATE', caseId: c.id, expectedVersion: c.version + 2 } }), 'CONFLICT', /escalated/);
    await decideCase({ actor: officer, decision: { type: 'DENY', caseId: c.id, expectedVersion: c.version + 2, reason: 'End use not credible' } });
    expect((await db.application.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('DENIED');
  });

  it('request for information: question to the exporter, resubmission screens again', async () => {
    const { exporter, officer } = await team();
    const c = await submitCase(exporter);
    const r = await decideCase({ actor: officer, decision: { type: 'REQUEST_INFO', caseId: c.id, expectedVersion: c.version, message: 'Who operates the doors?' } });
    expect(r.status).toBe('INFO_REQUESTED');
    const messages = await db.caseMessage.findMany({ where: { applicationId: c.id } });
    expect(messages).toMatchObject([{ kind: 'QUESTION', body: 'Who operates the doors?', authorId: officer.id }]);
    await submitAndScreen({ actor: exporter, id: c.id, expectedVersion: r.version, input: application() });
    const file = await getCaseForOfficer(officer, c.id);
    expect(file.status).toBe('SUBMITTED');
    expect(file.screeningRuns.map((run) => run.trigger)).toEqual(['SUBMIT', 'RESUBMIT']);
  });

  it('bulk approval approves only clear cases', async () => {
    const { exporter, officer } = await team();
    const clear = await submitCase(exporter);
    const licensable = await submitCase(exporter, { eccn: '3A981', country: 'BR' });
    const result = await bulkApproveClear({ actor: officer, cases: [clear, licensable].map((c) => ({ caseId: c.id, expectedVersion: c.version })) });
    expect(result.approved).toEqual([clear.id]);
    expect(result.skipped).toEqual([{ caseId: licensable.id, reason: 'Not a clear case' }]);
    expect((await db.application.findUniqueOrThrow({ where: { id: clear.id } })).status).toBe('APPROVED');
    expect((await db.application.findUniqueOrThrow({ where: { id: licensable.id } })).status).toBe('SUBMITTED');
  });
  it('acknowledging an outcome change clears the flag once, with an audit row', async () => {
    const { exporter, officer } = await team();
    const c = await submitCase(exporter);
    // As the admin's re-screen after a publish leaves it.
    await db.application.update({ where: { id: c.id }, data: { outcomeChanged: true } });
    expect(await acknowledgeOutcomeChange({ actor: officer, caseId: c.id })).toEqual({ acknowledged: true });
    expect(await acknowledgeOutcomeChange({ actor: officer, caseId: c.id })).toEqual({ acknowledged: false });
    const app = await db.application.findUniqueOrThrow({ where: { id: c.id } });
    expect(app).toMatchObject({ outcomeChanged: false, version: c.version });
    expect(await db.auditEvent.count({ where: { entityId: c.id, action: 'CASE_OUTCOME_CHANGE_ACKNOWLEDGED' } })).toBe(1);
  });
});

describe('cleared matches', () => {
  it('clears a party hit, keeps it cleared on re-screen, and brings it back when the list entry changes', async () => {
    const { exporter, officer } = await team();
    const partyName = 'Hikvizion Digital';
    const c = await submitCase(exporter, { endUserName: partyName });
    expect(c.outcome).toBe('REVIEW');
    const before = await getCaseForOfficer(officer, c.id);
    const hits = before.screeningRuns.at(-1)!.findings.map(partyMatchEvidence).filter((e) => e !== null);
    const hit = hits.find((e) => e.listCode === 'ENTITY_LIST')!;
    expect(hit).toMatchObject({ listCode: 'ENTITY_LIST', partyName });

    await expectAppError(clearPartyMatch({ actor: exporter, input: { caseId: c.id, expectedVersion: c.version, listCode: hit.listCode, entryId: hit.entryId, partyName, justification: 'Different company in Munich' } }), 'FORBIDDEN');
    await expectAppError(clearPartyMatch({ actor: officer, input: { caseId: c.id, expectedVersion: c.version, listCode: hit.listCode, entryId: 'not-on-the-case', partyName, justification: 'Different company in Munich' } }), 'NOT_FOUND');

    // On the whole Consolidated Screening List the name may also meet other lists' entries
    // (e.g. the CMIC list's Hikvision): the officer clears those first; the case stays in review.
    let version = c.version;
    for (const other of hits.filter((e) => e !== hit)) {
      const r = await clearPartyMatch({ actor: officer, input: { caseId: c.id, expectedVersion: version, listCode: other.listCode, entryId: other.entryId, partyName, justification: 'Different company in Munich, registry HRB 12345' } });
      expect(r.outcome).toBe('REVIEW');
      version = r.version;
    }

    const cleared = await clearPartyMatch({ actor: officer, input: { caseId: c.id, expectedVersion: version, listCode: hit.listCode, entryId: hit.entryId, partyName, justification: 'Different company in Munich, registry HRB 12345' } });
    expect(cleared.outcome).toBe('CLEAR');
    const stored = await db.clearedMatch.findUniqueOrThrow({ where: { id: cleared.clearedMatchId } });
    expect(stored).toMatchObject({ listCode: 'ENTITY_LIST', entryExternalId: hit.entryId, entryContentHash: hit.entryContentHash, partyName, clearedById: officer.id, applicationId: c.id });
    const partyFinding = (findings: TFinding[]) => findings.find((f) => partyMatchEvidence(f)?.entryId === hit.entryId);
    expect(partyFinding(cleared.findings)?.cleared?.by).toBe(officer.name);
    // the submission path reads the same cleared matches, with the active version, in one query
    const context = await loadScreeningContext();
    expect(context.active.id).toBe((await getActiveRuleSet()).id);
    expect(context.clearedMatches).toEqual(await loadClearedMatches());
    expect(context.clearedMatches.some((m) => m.entryId === hit.entryId && m.clearedBy === officer.name && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(m.clearedAt))).toBe(true);
    expect(partyFinding(cleared.findings)?.outcome).toBe('CLEAR');

    // Re-screening under the same lists keeps it cleared.
    const again = await rescreenCase({ actor: officer, caseId: c.id, expectedVersion: cleared.version });
    expect(again.outcome).toBe('CLEAR');
    expect(partyFinding(again.findings)?.cleared).toBeDefined();

    // A list version in which that entry changed: the clearance no longer applies.
    const active = await getActiveRuleSet();
    const data = await loadRuleSetData(active.id);
    const list = data.lists.find((l) => l.code === 'ENTITY_LIST')!;
    list.entries = list.entries.map((e) => (e.id === hit.entryId ? { ...e, remarks: `${e.remarks ?? ''} Amended.`, contentHash: `${e.contentHash}-amended` } : e));
    data.version = `test-${randomUUID().slice(0, 8)}`;
    const changed = await db.$transaction((tx) => createRuleSetVersion(tx, { data, status: 'ARCHIVED', note: 'cleared-match test: entry amended (never active, not a draft: drafts are the admin tests’ business)' }), { timeout: 120_000 });
    const back = await rescreenCase({ actor: officer, caseId: c.id, expectedVersion: again.version, ruleSetVersionId: changed.id });
    expect(back.outcome).toBe('REVIEW');
    expect(partyFinding(back.findings)?.cleared).toBeUndefined();
    expect(partyFinding(back.findings)?.outcome).toBe('REVIEW');
    // The active rule set was not touched.
    expect((await getActiveRuleSet()).id).toBe(active.id);

    const file = await getCaseForOfficer(officer, c.id);
    const others = hits.length - 1;
    expect(file.screeningRuns.map((r) => [r.trigger, r.outcome])).toEqual([['SUBMIT', 'REVIEW'], ...Array.from({ length: others }, () => ['MANUAL', 'REVIEW']), ['MANUAL', 'CLEAR'], ['MANUAL', 'CLEAR'], ['MANUAL', 'REVIEW']]);
    expect(file.audit.map((a) => a.action)).toContain('MATCH_CLEARED');
  });
});

describe('queue', () => {
  it('pages with a cursor through every matching case exactly once, worst first, filtered by organisation', async () => {
    const { org, exporter, officer } = await team();
    const created = [];
    for (const o of [{}, { eccn: '3A981', country: 'BR' }, {}, { endUserName: 'Dahua Technologies' }, {}, { eccn: '3A981', country: 'BR' }, {}] as TOverrides[]) {
      created.push(await submitCase(exporter, o));
    }
    const filter = ZQueueFilter.parse({ organization: org.id, sort: 'severity' });
    const seen: { id: string; severity: number | null }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await findCasesForQueue(officer, { ...filter, cursor }, { pageSize: 3 });
      seen.push(...page.rows.map((r) => ({ id: r.id, severity: r.severity })));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((s) => s.id).sort()).toEqual(created.map((c) => c.id).sort());
    const severities = seen.map((s) => s.severity ?? 0);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(severities[0]).toBe(2);

    const byAge = await findCasesForQueue(officer, ZQueueFilter.parse({ organization: org.id, sort: 'age' }), { pageSize: 100 });
    expect(byAge.rows.map((r) => r.id)).toEqual(created.map((c) => c.id));
    const clearOnly = await findCasesForQueue(officer, ZQueueFilter.parse({ organization: org.id, outcome: 'CLEAR' }), { pageSize: 100 });
    expect(clearOnly.rows).toHaveLength(4);

    await assignCaseToMe({ actor: officer, caseId: created[0]!.id, expectedVersion: created[0]!.version });
    const mine = await findCasesForQueue(officer, ZQueueFilter.parse({ organization: org.id, mine: '1' }), { pageSize: 100 });
    expect(mine.rows.map((r) => r.id)).toEqual([created[0]!.id]);
    const counts = await countCasesByStatus(officer);
    expect(counts.IN_REVIEW).toBeGreaterThanOrEqual(1);
    expect(counts).not.toHaveProperty('DRAFT');
  });
});

describe('authorization', () => {
  it('refuses exporters on every officer function', async () => {
    const { exporter } = await team();
    const c = await submitCase(exporter);
    const ref = { caseId: c.id, expectedVersion: c.version };
    const attempts: [string, () => Promise<unknown>][] = [
      ['findCasesForQueue', () => findCasesForQueue(exporter, ZQueueFilter.parse({}))],
      ['countCasesByStatus', () => countCasesByStatus(exporter)],
      ['getCaseForOfficer', () => getCaseForOfficer(exporter, c.id)],
      ['assignCaseToMe', () => assignCaseToMe({ actor: exporter, ...ref })],
      ['decideCase', () => decideCase({ actor: exporter, decision: { type: 'APPROVE', ...ref } })],
      ['countersignCase', () => countersignCase({ actor: exporter, input: ref })],
      ['addCaseNote', () => addCaseNote({ actor: exporter, caseId: c.id, body: 'hi' })],
      ['acknowledgeOutcomeChange', () => acknowledgeOutcomeChange({ actor: exporter, caseId: c.id })],
      ['rescreenCase', () => rescreenCase({ actor: exporter, ...ref })],
      ['clearPartyMatch', () => clearPartyMatch({ actor: exporter, input: { ...ref, listCode: 'SDN', entryId: '1', partyName: 'x', justification: 'xxxxxxxxxxxx' } })],
      ['bulkApproveClear', () => bulkApproveClear({ actor: exporter, cases: [ref] })],
    ];
    for (const [name, attempt] of attempts) {
      const err = await attempt().then(() => null, (e: unknown) => e);
      expect(err, name).toBeInstanceOf(AppError);
      expect((err as AppError).code, name).toBe('FORBIDDEN');
    }
    const untouched = await db.application.findUniqueOrThrow({ where: { id: c.id } });
    expect(untouched).toMatchObject({ status: 'SUBMITTED', version: c.version, assignedToId: null });
    expect(await db.decision.count({ where: { applicationId: c.id } })).toBe(0);
    expect(await db.caseNote.count({ where: { applicationId: c.id } })).toBe(0);
  });

  it('nobody decides their own submission, even after becoming an officer', async () => {
    const { exporter, officer } = await team();
    const c = await submitCase(exporter, { eccn: '3A981', country: 'BR' });
    // The submitter later moves to the compliance team.
    await db.user.update({ where: { id: exporter.id }, data: { role: 'OFFICER' } });
    const turned: TActor = { ...exporter, role: 'OFFICER' };
    for (const decision of [
      { type: 'APPROVE' as const, caseId: c.id, expectedVersion: c.version, licenseReference: 'X1', licenseExpiresAt: '2031-01-01' },
      { type: 'DENY' as const, caseId: c.id, expectedVersion: c.version, reason: 'mine' },
      { type: 'ESCALATE' as const, caseId: c.id, expectedVersion: c.version },
    ]) {
      await expectAppError(decideCase({ actor: turned, decision }), 'FORBIDDEN', /You submitted this application/);
    }
    await expectAppError(assignCaseToMe({ actor: turned, caseId: c.id, expectedVersion: c.version }), 'FORBIDDEN');
    // …nor countersign it.
    const pending = await decideCase({ actor: officer, decision: { type: 'APPROVE', caseId: c.id, expectedVersion: c.version, licenseReference: 'X1', licenseExpiresAt: '2031-01-01' } });
    await expectAppError(countersignCase({ actor: turned, input: { caseId: c.id, expectedVersion: pending.version } }), 'FORBIDDEN');
    expect((await db.application.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('AWAITING_COUNTERSIGNATURE');
  });
});

describe('npm run audit:verify', () => {
  const verify = () =>
    run('npx', ['tsx', '--conditions=react-server', 'scripts/audit-verify.ts'], { env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL } }).then(
      ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, out: err.stdout + err.stderr }),
    );

  it('passes on an intact chain and fails at the row edited directly in the database', async () => {
    const { exporter, officer } = await team();
    const c = await submitCase(exporter);
    await addCaseNote({ actor: officer, caseId: c.id, body: 'Original note' });
    await decideCase({ actor: officer, decision: { type: 'APPROVE', caseId: c.id, expectedVersion: c.version } });
    const ok = await verify();
    expect(ok.out).toMatch(/Audit chain intact/);
    expect(ok.code).toBe(0);

    const target = await db.auditEvent.findFirstOrThrow({ where: { entityId: c.id, action: 'CASE_NOTE_ADDED' } });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const setData = async (data: unknown) => {
      await client.query('BEGIN');
      await client.query('ALTER TABLE "AuditEvent" DISABLE TRIGGER "audit_event_no_update_delete"');
      await client.query('UPDATE "AuditEvent" SET data = $2 WHERE seq = $1', [target.seq, JSON.stringify(data)]);
      await client.query('ALTER TABLE "AuditEvent" ENABLE TRIGGER "audit_event_no_update_delete"');
      await client.query('COMMIT');
    };
    try {
      await setData({ ...(target.data as object), body: 'Rewritten note' });
      const broken = await verify();
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`seq=${target.seq}`);
      expect(broken.out).toContain('CASE_NOTE_ADDED');
    } finally {
      await setData(target.data);
      await client.end();
    }
    expect((await verify()).code).toBe(0);
  });
});
