// The table Prisma keeps its migration history in, as the engine creates it on PostgreSQL.
// One definition for the two places that create it without the Prisma CLI: schema-engine.mjs
// (pitfall P1) and the backup restore (lib/records/restore.ts builds a backup's schema itself).

export const MIGRATIONS_TABLE = '_prisma_migrations';

// The engine's own DDL for PostgreSQL (copied from the strings in schema_engine_bg.wasm).
export const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
