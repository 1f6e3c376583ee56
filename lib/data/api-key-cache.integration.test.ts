// API key lookups served from memory (lib/data/api-keys.ts) and dropped by the change feed
// (lib/data/change-feed.ts): a change committed by this process is seen at once, one committed by
// anyone else (another app instance, an operator's SQL) as soon as its notification arrives, and
// without a listener nothing is served from memory.
import pg from 'pg';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyCacheStats, authenticateApiKey, revokeApiKey } from '@/lib/data/api-keys';
import { changeFeedClient, changeFeedReady, changeGeneration, closeChangeFeed } from '@/lib/data/change-feed';
import { loadScreeningContext } from '@/lib/data/rulesets';
import { setUserActive, updateOrganizationCountry } from '@/lib/data/users';
import { createExporterApiKey } from '@/test/factories';
import { until } from '@/test/until';

/**
 * Until the notifications of this test's own writes (the factory's new user, organisation and key)
 * have arrived: each moves the generation, which would drop what the test reads next.
 */
async function quiet() {
  for (let last = -1; last !== changeGeneration(); ) {
    last = changeGeneration();
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Another writer: its own connection, not this process's pool or data layer. */
async function elsewhere(sql: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql, values);
  } finally {
    await client.end();
  }
}

const hitsDuring = async (f: () => Promise<unknown>) => {
  const before = apiKeyCacheStats().hits;
  await f();
  return apiKeyCacheStats().hits - before;
};

describe('API key lookups in memory', () => {
  beforeEach(async () => {
    expect(await until(changeFeedReady, Boolean)).toBe(true);
  });
  afterAll(closeChangeFeed);

  it('serves a found key from memory, and still checks the secret every time', async () => {
    const { key } = await createExporterApiKey();
    await quiet();
    const first = await authenticateApiKey(key, { screeningContext: true });
    let again: unknown;
    expect(await hitsDuring(async () => (again = await authenticateApiKey(key, { screeningContext: true })))).toBe(1);
    expect(again).toEqual(first);
    expect(first!.screeningContext).toEqual(await loadScreeningContext());
    // another key read in the same generation shares the one copy of the cleared matches
    const other = await createExporterApiKey();
    await quiet();
    const [a, b] = [await authenticateApiKey(key, { screeningContext: true }), await authenticateApiKey(other.key, { screeningContext: true })];
    expect(b!.screeningContext!.clearedMatches).toBe(a!.screeningContext!.clearedMatches);
    const wrongSecret = `${key.slice(0, 'clr_'.length + 12 + 1)}wrongsecretwrongsecretwrong`;
    let answer: unknown = 'unset';
    expect(await hitsDuring(async () => (answer = await authenticateApiKey(wrongSecret, { screeningContext: true })))).toBe(1);
    expect(answer).toBeNull();
    // unknown prefixes are never kept: each asks the database
    await authenticateApiKey('clr_0123456789ab_unknownunknownunknown');
    expect(await hitsDuring(() => authenticateApiKey('clr_0123456789ab_unknownunknownunknown'))).toBe(0);
  });

  it("sees this process's own changes at once (revocation, deactivation, the organisation's country), not only once notified", async () => {
    const first = await createExporterApiKey();
    const second = await createExporterApiKey();
    const third = await createExporterApiKey();
    await quiet();
    // The listener's session in a transaction: PostgreSQL holds its notifications until it ends.
    const listener = changeFeedClient()!;
    await listener.query('BEGIN');
    try {
      // (each change drops every entry: each key is read once more before its change)
      await authenticateApiKey(first.key);
      expect(await hitsDuring(() => authenticateApiKey(first.key))).toBe(1);
      await revokeApiKey(first.admin, first.id);
      expect(await authenticateApiKey(first.key)).toBeNull();

      await authenticateApiKey(second.key);
      expect(await hitsDuring(() => authenticateApiKey(second.key))).toBe(1);
      await setUserActive(second.admin, second.exporter.id, false);
      expect(await authenticateApiKey(second.key)).toBeNull();

      expect((await authenticateApiKey(third.key))!.exporter.country).toBe('US');
      expect(await hitsDuring(() => authenticateApiKey(third.key))).toBe(1);
      await updateOrganizationCountry(third.admin, { organizationId: third.exporter.organizationId!, country: 'FR' });
      expect((await authenticateApiKey(third.key))!.exporter.country).toBe('FR');
    } finally {
      await listener.query('COMMIT');
    }
  });

  it("drops a key when another writer's change is notified (another instance, an operator's SQL)", async () => {
    const { key, id } = await createExporterApiKey();
    await quiet();
    await authenticateApiKey(key, { screeningContext: true });
    expect(await hitsDuring(() => authenticateApiKey(key, { screeningContext: true }))).toBe(1);
    await elsewhere('UPDATE "ApiKey" SET "revokedAt" = now() WHERE id = $1', [id]);
    expect(await until(() => authenticateApiKey(key, { screeningContext: true }), (a) => a === null, 2_000)).toBeNull();

    const other = await createExporterApiKey();
    await quiet();
    await authenticateApiKey(other.key);
    await elsewhere('UPDATE "User" SET active = false WHERE id = $1', [other.exporter.id]);
    expect(await until(() => authenticateApiKey(other.key), (a) => a === null, 2_000)).toBeNull();
  });

  it.each([
    ['ApiKey', 'UPDATE "ApiKey" SET "revokedAt" = "revokedAt" WHERE false'],
    ['User', 'UPDATE "User" SET name = name WHERE false'],
    ['Organization', 'UPDATE "Organization" SET country = country WHERE false'],
    ['RuleSetVersion (the active version)', 'UPDATE "RuleSetVersion" SET status = status WHERE false'],
    ['ClearedMatch (the cleared matches in force)', 'UPDATE "ClearedMatch" SET "revokedAt" = "revokedAt" WHERE false'],
  ])('a statement on %s drops what was read from it', async (_table, sql) => {
    const { key } = await createExporterApiKey();
    await quiet();
    await authenticateApiKey(key, { screeningContext: true });
    expect(await hitsDuring(() => authenticateApiKey(key, { screeningContext: true }))).toBe(1);
    await elsewhere(sql, []);
    expect(await until(() => hitsDuring(() => authenticateApiKey(key, { screeningContext: true })), (hits) => hits === 0, 2_000)).toBe(0);
  });

  it('keeps the cache when only "last used" is written (once a minute per key)', async () => {
    const { key, id } = await createExporterApiKey();
    await quiet();
    await authenticateApiKey(key);
    await elsewhere(`UPDATE "ApiKey" SET "lastUsedAt" = now() - interval '1 hour' WHERE id = $1`, [id]);
    await new Promise((r) => setTimeout(r, 100)); // a notification, had one been sent, would have arrived
    expect(await hitsDuring(() => authenticateApiKey(key))).toBe(1);
  });

  it('reads the database for every lookup while the listener is down', async () => {
    const { key } = await createExporterApiKey();
    await quiet();
    await authenticateApiKey(key);
    await closeChangeFeed();
    // kept down (DB_CHANGE_FEED=0: no reconnecting), so no lookup can race a reconnection
    process.env.DB_CHANGE_FEED = '0';
    try {
      expect(changeFeedReady()).toBe(false);
      expect(await hitsDuring(() => authenticateApiKey(key))).toBe(0);
      expect(await hitsDuring(() => authenticateApiKey(key))).toBe(0);
    } finally {
      delete process.env.DB_CHANGE_FEED;
    }
    // it reconnects on demand, and serves from memory again only after a fresh read
    expect(await until(changeFeedReady, Boolean)).toBe(true);
    expect(await hitsDuring(() => authenticateApiKey(key))).toBe(0);
    expect(await hitsDuring(() => authenticateApiKey(key))).toBe(1);
  });
});
