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

export function createDb(url = databaseUrl(), poolSize = Number(process.env.DB_POOL_SIZE ?? 10)): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
}

export const db: PrismaClient = processSingleton('db', () => createDb());

export type TDb = PrismaClient;
export type TTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
