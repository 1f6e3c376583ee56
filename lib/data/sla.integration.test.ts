// The service-level clock against a real database: the due day is set at submission, cleared while an
// information request waits (and the clock reads paused), set again after the resubmission with the
// pause excluded, cleared at the decision; saving settings is admin-only, versioned, audited, refuses
// a stale version and re-dates open cases.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { submitAndScreen } from '@/lib/data/applications';
import { decideCase } from '@/lib/data/cases';
import { getSlaSettings } from '@/lib/data/sla/current';
import { slaClocksFor } from '@/lib/data/sla/history';
import { refreshSlaDue } from '@/lib/data/sla/refresh';
import { saveSlaSettings } from '@/lib/data/sla/settings';
import { storedApplicationInput } from '@/lib/validation/application';
import { applicationInput } from '@/test/admin-helpers';
import { createOrganization, createUser } from '@/test/factories';

const DAY = 86_400_000;

describe('SLA clock', () => {
  it('runs from submission, pauses during an information request, resumes after the answer', async () => {
    const org = await createOrganization();
    const exporter = await createUser('EXPORTER', { organizationId: org.id });
    const officer = await createUser('OFFICER');
    const { id } = await submitAndScreen({ actor: exporter, input: applicationInput() });
    const settings = await getSlaSettings();
    const after = await db.application.findUniqueOrThrow({ where: { id }, select: { slaDueOn: true, version: true, outcome: true } });
    expect(after.slaDueOn).not.toBeNull();
    expect(after.slaDueOn!.getTime()).toBeGreaterThan(Date.now());
    // stored with the row at submission: the same day the full recomputation from the history gives
    await refreshSlaDue(db, [id]);
    expect((await db.application.findUniqueOrThrow({ where: { id }, select: { slaDueOn: true } })).slaDueOn).toEqual(after.slaDueOn);

    await decideCase({ actor: officer, decision: { type: 'REQUEST_INFO', caseId: id, expectedVersion: after.version, message: 'Which building?' } });
    const paused = await db.application.findUniqueOrThrow({ where: { id }, select: { slaDueOn: true, version: true, data: true } });
    expect(paused.slaDueOn).toBeNull();
    // Thirty days later (as the page would see it), the clock still reads what it read at the request.
    const later = new Date(Date.now() + 30 * DAY);
    const clock = (await slaClocksFor([id], settings, later)).get(id)!;
    expect(clock).toMatchObject({ paused: true, usedDays: 0, daysLeft: settings.targets[after.outcome!] });

    await submitAndScreen({ actor: exporter, id, expectedVersion: paused.version, input: storedApplicationInput(paused.data) as never });
    const resumed = await db.application.findUniqueOrThrow({ where: { id }, select: { slaDueOn: true, status: true, version: true } });
    expect(resumed.status).toBe('SUBMITTED');
    expect(resumed.slaDueOn).not.toBeNull();
    expect((await slaClocksFor([id], settings, new Date())).get(id)).toMatchObject({ paused: false, decided: false });

    await decideCase({ actor: officer, decision: { type: 'DENY', caseId: id, expectedVersion: resumed.version, reason: 'End use not credible.' } });
    expect((await db.application.findUniqueOrThrow({ where: { id }, select: { slaDueOn: true } })).slaDueOn).toBeNull();
    expect((await slaClocksFor([id], settings, later)).get(id)).toMatchObject({ decided: true, paused: false });
  });

  it('settings: admin only, a new audited version each time, a stale version refused, open cases re-dated', async () => {
    const admin = await createUser('ADMIN');
    const officer = await createUser('OFFICER');
    const org = await createOrganization();
    const exporter = await createUser('EXPORTER', { organizationId: org.id });
    const { id } = await submitAndScreen({ actor: exporter, input: applicationInput() });
    const before = await getSlaSettings();
    const input = { CLEAR: 2, REVIEW: 3, LICENSE_REQUIRED: 4, PROHIBITED: 5, holidays: ['2026-12-24'], note: 'Integration test' };
    await expect(saveSlaSettings({ actor: officer, input, expectedVersion: before.version })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const dueBefore = (await db.application.findUniqueOrThrow({ where: { id }, select: { slaDueOn: true } })).slaDueOn;
    try {
      const saved = await saveSlaSettings({ actor: admin, input, expectedVersion: before.version });
      expect(saved.version).toBe((before.version ?? 0) + 1);
      expect(saved.refreshed).toBeGreaterThan(0);
      expect(await db.auditEvent.count({ where: { action: 'SLA_SETTINGS_CHANGED', entityId: String(saved.version) } })).toBe(1);
      const now = await getSlaSettings();
      expect(now.targets).toEqual({ CLEAR: 2, REVIEW: 3, LICENSE_REQUIRED: 4, PROHIBITED: 5 });
      const dueAfter = (await db.application.findUniqueOrThrow({ where: { id }, select: { slaDueOn: true } })).slaDueOn;
      expect(dueAfter!.getTime()).toBeLessThan(dueBefore!.getTime()); // a shorter target: due sooner
      await expect(saveSlaSettings({ actor: admin, input, expectedVersion: before.version })).rejects.toMatchObject({ code: 'CONFLICT' });
    } finally {
      // Later tests in this database read the defaults again.
      const latest = await getSlaSettings();
      await saveSlaSettings({ actor: admin, input: { ...before.targets, holidays: [...before.calendar.holidays], note: 'Restore after test' }, expectedVersion: latest.version });
    }
  });
});
