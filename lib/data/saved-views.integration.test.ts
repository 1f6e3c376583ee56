// Saved queue views against a real database: each officer sees, renames and deletes only their own
// views; every change writes its audit row; a duplicate name is refused by field; the stored query
// is the canonical filter string (no cursor, no blanks).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { deleteView, listSavedViews, renameView, saveView } from '@/lib/data/saved-views';
import { AppError } from '@/lib/errors';
import { ZSaveViewInput } from '@/lib/validation/saved-views';
import { createUser } from '@/test/factories';

const name = (s: string) => `${s} ${randomUUID().slice(0, 6)}`;

describe('saved views', () => {
  it('round trip for the owner, with audit rows; another officer sees and changes nothing', async () => {
    const mine = await createUser('OFFICER');
    const other = await createUser('OFFICER');
    const input = ZSaveViewInput.parse({ name: name('China, licence required'), query: '?destination=CN&outcome=LICENSE_REQUIRED&cursor=abc&page=3&organization=&sort=severity' });
    expect(input.query).toBe('outcome=LICENSE_REQUIRED&destination=CN');

    const view = await saveView({ actor: mine, input });
    expect(await listSavedViews(mine)).toEqual([{ id: view.id, name: input.name, query: 'outcome=LICENSE_REQUIRED&destination=CN' }]);
    expect(await listSavedViews(other)).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: 'SAVED_VIEW_CREATED', entityId: view.id } })).toBe(1);

    await expect(renameView({ actor: other, input: { viewId: view.id, name: 'Hijacked' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteView({ actor: other, viewId: view.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listSavedViews(mine))[0]?.name).toBe(input.name);

    const renamed = name('China LR');
    await renameView({ actor: mine, input: { viewId: view.id, name: renamed } });
    expect((await listSavedViews(mine))[0]?.name).toBe(renamed);
    expect(await db.auditEvent.count({ where: { action: 'SAVED_VIEW_RENAMED', entityId: view.id } })).toBe(1);

    await deleteView({ actor: mine, viewId: view.id });
    expect(await listSavedViews(mine)).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: 'SAVED_VIEW_DELETED', entityId: view.id } })).toBe(1);
  });

  it('refuses a second view with the same name (by field) and exporters altogether', async () => {
    const officer = await createUser('OFFICER');
    const n = name('Mine');
    await saveView({ actor: officer, input: ZSaveViewInput.parse({ name: n, query: 'mine=1' }) });
    const err = await saveView({ actor: officer, input: ZSaveViewInput.parse({ name: n, query: 'sort=age' }) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    const exporter = await createUser('EXPORTER');
    await expect(listSavedViews(exporter)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the same filters in another order are the same view', () => {
    const a = ZSaveViewInput.parse({ name: 'x', query: 'status=ESCALATED&mine=1&q=%20acme%20' }).query;
    const b = ZSaveViewInput.parse({ name: 'x', query: 'q=acme&mine=1&status=ESCALATED' }).query;
    expect(a).toBe(b);
  });
});
