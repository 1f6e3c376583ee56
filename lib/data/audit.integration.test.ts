import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { appendAudit, verifyAuditChain } from '@/lib/data/audit';

const append = (action: string, data: Record<string, unknown> = {}) =>
  db.$transaction((tx) => appendAudit(tx, { actor: null, action, entityType: 'Test', entityId: 'audit-test', data }));

describe('audit log', () => {
  it('chains rows and verifies', async () => {
    await append('TEST_A', { n: 1, nested: { b: 2, a: [1, 'x'] } });
    await append('TEST_B', { text: 'ünïcødé', when: '2026-11-27' });
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(true);
    const rows = await db.auditEvent.findMany({ orderBy: { seq: 'asc' } });
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the app', async () => {
    await append('TEST_C');
    const last = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    await expect(db.auditEvent.update({ where: { seq: last.seq }, data: { action: 'EDITED' } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { seq: last.seq } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
  });

  it('keeps the chain intact under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => append('TEST_CONCURRENT', { i })));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('detects a row edited directly in the database, at that row', async () => {
    await append('TEST_BEFORE_TAMPER');
    await append('TEST_TO_TAMPER', { amount: 100 });
    await append('TEST_AFTER_TAMPER');
    const target = await db.auditEvent.findFirstOrThrow({ where: { action: 'TEST_TO_TAMPER' }, orderBy: { seq: 'desc' } });
    // A superuser bypassing the trigger, as an attacker with database access would.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE "AuditEvent" DISABLE TRIGGER "audit_event_no_update_delete"');
      await client.query(`UPDATE "AuditEvent" SET data = '{"amount": 1}' WHERE seq = $1`, [target.seq]);
      await client.query('ALTER TABLE "AuditEvent" ENABLE TRIGGER "audit_event_no_update_delete"');
      await client.query('COMMIT');
      const result = await verifyAuditChain(db);
      expect(result).toMatchObject({ ok: false, brokenAt: target.seq });
      // Put it back so later tests see an intact chain.
      await client.query('BEGIN');
      await client.query('ALTER TABLE "AuditEvent" DISABLE TRIGGER "audit_event_no_update_delete"');
      await client.query('UPDATE "AuditEvent" SET data = $2 WHERE seq = $1', [target.seq, JSON.stringify(target.data)]);
      await client.query('ALTER TABLE "AuditEvent" ENABLE TRIGGER "audit_event_no_update_delete"');
      await client.query('COMMIT');
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    } finally {
      await client.end();
    }
  });
});
