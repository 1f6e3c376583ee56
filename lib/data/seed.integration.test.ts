import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { verifyAuditChain } from '@/lib/data/audit';
import { seedDemoUsers, seedReferenceData } from '@/prisma/seed';

async function counts() {
  const [users, orgs, ruleSets, lists, entries, audit] = await Promise.all([
    db.user.count(),
    db.organization.count(),
    db.ruleSetVersion.count(),
    db.partyList.count(),
    db.partyEntry.count(),
    db.auditEvent.count(),
  ]);
  return { users, orgs, ruleSets, lists, entries, audit };
}

describe('seed', () => {
  it('stores an active rule set with the bundled lists (global setup ran it)', async () => {
    const active = await db.ruleSetVersion.findFirstOrThrow({ where: { status: 'ACTIVE' }, include: { partyLists: { include: { partyList: true } } } });
    const codes = active.partyLists.map((l) => l.partyList.code).sort();
    expect(codes).toEqual(expect.arrayContaining(['DPL', 'ENTITY_LIST', 'SDN']));
    const sdn = active.partyLists.find((l) => l.partyList.code === 'SDN')!.partyList;
    expect(sdn.entryCount).toBeGreaterThan(14_000);
    expect(sdn.asOf).toBe('2024-05-03');
  });

  it('changes nothing when run twice', async () => {
    const quiet = () => undefined;
    await seedDemoUsers('clearance-demo', quiet);
    const before = await counts();
    await seedReferenceData(quiet);
    await seedDemoUsers('another-password', quiet);
    expect(await counts()).toEqual(before);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
