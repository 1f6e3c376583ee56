// Prisma client singleton over @prisma/adapter-pg. The pool connects lazily, so importing this
// module opens nothing (next build evaluates it). Without DATABASE_URL it points at the embedded
// server, which instrumentation.ts (app) or scripts/with-db.ts (scripts) start.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { embeddedDatabaseUrl } from '@/lib/embedded-postgres-config';
import { processSingleton } from '@/lib/process-singleton';

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? embeddedDatabaseUrl();
}

/** At most this many distinct statements are prepared per process (each connection keeps its own copy of each). */
export const MAX_PREPARED_STATEMENTS = 256;
/** Longer statements (e.g. a createMany of many rows, whose text grows with its rows) are sent unnamed. */
const MAX_PREPARED_SQL_LENGTH = 8_000;

/**
 * Names for prepared statements: the same SQL text gets the same name, so each connection parses
 * and plans it once and then only binds and executes it. Without a name PostgreSQL plans every call:
 * the API key lookup (lib/data/api-keys.ts) cost ~0.3 ms of database CPU per request planning, ~0.04
 * executing. Bounded: texts past MAX_PREPARED_STATEMENTS, or longer than MAX_PREPARED_SQL_LENGTH,
 * are sent unnamed, as before. `DB_PREPARED_STATEMENTS=0` turns it off (a pooler in transaction
 * mode that does not track prepared statements, e.g. PgBouncer before 1.21).
 */
export function statementNamer(max = MAX_PREPARED_STATEMENTS): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined) return known;
    // '' is the protocol's unnamed statement: parsed and planned for this call only
    if (names.size >= max || sql.length > MAX_PREPARED_SQL_LENGTH) return '';
    const name = `clearance_${names.size}`;
    names.set(sql, name);
    return name;
  };
}

export function createDb(url = databaseUrl(), poolSize = Number(process.env.DB_POOL_SIZE ?? 10)): PrismaClient {
  const prepared = process.env.DB_PREPARED_STATEMENTS !== '0';
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: poolSize }, prepared ? { statementNameGenerator: statementNamer() } : {}),
  });
}

export const db: PrismaClient = processSingleton('db', () => createDb());

export type TDb = PrismaClient;
export type TTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
