import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { verifyAuditChain } from '@/lib/data/audit';
import { loadRuleSetData } from '@/lib/data/rulesets';
import { loadSeedRuleSetData } from '@/lib/reference/load-seed';
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
    // the whole Consolidated Screening List, one list per CSL source list
    expect(codes).toEqual(['CAP', 'CMIC', 'DPL', 'DTC', 'ENTITY_LIST', 'ISN', 'MEU', 'NS_MBS', 'PLC', 'SDN', 'SSI', 'UVL']);
    const sdn = active.partyLists.find((l) => l.partyList.code === 'SDN')!.partyList;
    expect(sdn.entryCount).toBe(19_181);
    expect(sdn.asOf).toBe('2026-07-31');
    // the CSL fields survive the round trip through PartyEntry.extra
    const data = await loadRuleSetData(active.id);
    const huawei = data.lists.find((l) => l.code === 'ENTITY_LIST')!.entries.find((e) => e.name === 'Huawei Technologies Deutschland GmbH')!;
    expect(huawei.licenseRequirement).toMatch(/all items subject to the EAR/i);
    expect(huawei.federalRegister).toMatch(/84 FR 22961/);
    expect(huawei.sourceListUrl).toBe('https://www.bis.gov/regulations/ear/744#supplement-4-744');
    const seeded = loadSeedRuleSetData().lists.find((l) => l.code === 'ENTITY_LIST')!.entries.find((e) => e.id === huawei.id)!;
    expect(huawei.contentHash).toBe(seeded.contentHash);
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
