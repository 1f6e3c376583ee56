// Case search against a real database: the trigger-kept search text finds a case by reference,
// product, ECCN, end user, consignee and organisation (renamed too), every word must match, and an
// exporter's search stays inside their organisation.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { listApplicationsForExporter, submitAndScreen } from '@/lib/data/applications';
import { countCasesForQueue, findCasesForQueue } from '@/lib/data/cases';
import { ZApplicationInput } from '@/lib/validation/application';
import { ZQueueFilter } from '@/lib/validation/decision';
import { createOrganization, createUser } from '@/test/factories';

const tag = () => randomUUID().replace(/-/g, '').slice(0, 10);

async function submit(exporter: TActor, names: { product: string; endUser: string; consignee: string; eccn?: string }) {
  const input = ZApplicationInput.parse({
    product: { name: names.product, description: 'Door controller', eccn: names.eccn ?? 'EAR99', kind: 'HARDWARE', quantity: 2, unitValueUsd: 300, biometric: null },
    destination: { country: 'DE', region: null },
    endUser: { name: names.endUser, country: 'DE', address: 'Hauptstrasse 1, Berlin', type: 'COMMERCIAL' },
    consignees: [{ name: names.consignee, country: 'NL', role: 'INTERMEDIATE' }],
    endUse: { category: 'ACCESS_CONTROL', description: 'Office doors' },
    redFlags: [],
  });
  return submitAndScreen({ actor: exporter, input });
}

describe('case search', () => {
  it('finds a case by reference, product, ECCN, end user, consignee and organisation; every word must match', async () => {
    const t = tag();
    const org = await createOrganization(`Searchable Exports ${t}`);
    const exporter = await createUser('EXPORTER', { organizationId: org.id });
    const officer = await createUser('OFFICER');
    const a = await submit(exporter, { product: `Falcon gate ${t}`, endUser: `Brandt Logistik ${t}`, consignee: `Rotterdam Forwarding ${t}` });
    const b = await submit(exporter, { product: `Heron reader ${t}`, endUser: `Kessler Bau ${t}`, consignee: `Antwerp Freight ${t}`, eccn: '5A992.c' });
    const { reference } = await db.application.findUniqueOrThrow({ where: { id: a.id }, select: { reference: true } });

    const ids = async (q: string) => (await findCasesForQueue(officer, ZQueueFilter.parse({ q, status: ['SUBMITTED', 'IN_REVIEW'] }), { pageSize: 100 })).rows.map((r) => r.id).sort();
    expect(await ids(reference)).toEqual([a.id]);
    expect(await ids(reference.toLowerCase())).toEqual([a.id]);
    expect(await ids(`falcon ${t}`)).toEqual([a.id]);
    expect(await ids(`BRANDT ${t}`)).toEqual([a.id]);
    expect(await ids(`antwerp ${t}`)).toEqual([b.id]);
    expect(await ids(`5a992 ${t}`)).toEqual([b.id]);
    expect(await ids(`Searchable Exports ${t}`)).toEqual([a.id, b.id].sort());
    expect(await ids(`falcon antwerp ${t}`)).toEqual([]); // every word must match
    expect(await ids(`100%_${t}`)).toEqual([]); // LIKE wildcards are literal
    expect(await countCasesForQueue(officer, ZQueueFilter.parse({ q: t, status: ['SUBMITTED', 'IN_REVIEW'] }))).toBe(2);

    await db.organization.update({ where: { id: org.id }, data: { name: `Renamed Holdings ${t}` } });
    expect(await ids(`renamed holdings ${t}`)).toEqual([a.id, b.id].sort());
    expect(await ids(`searchable ${t}`)).toEqual([]);
  });

  it("searches an exporter's own organisation only", async () => {
    const t = tag();
    const mine = await createUser('EXPORTER', { organizationId: (await createOrganization()).id });
    const other = await createUser('EXPORTER', { organizationId: (await createOrganization()).id });
    const own = await submit(mine, { product: `Osprey camera ${t}`, endUser: `Shared Name ${t}`, consignee: `Port ${t}` });
    await submit(other, { product: `Osprey camera ${t}`, endUser: `Shared Name ${t}`, consignee: `Port ${t}` });
    const found = await listApplicationsForExporter(mine, { q: `shared name ${t}` });
    expect(found.total).toBe(1);
    expect(found.rows.map((r) => r.id)).toEqual([own.id]);
  });
});
