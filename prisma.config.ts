// Prisma CLI configuration. Loaded by every `prisma …` command.
// The native schema engine cannot be downloaded on air-gapped machines, so every CLI command
// runs Prisma's official WebAssembly schema engine through prisma/engine/schema-engine.mjs.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { embeddedDatabaseUrl } from './lib/embedded-postgres-config';

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, 'prisma/engine/schema-engine.mjs');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx --conditions=react-server prisma/seed.ts',
  },
  datasource: {
    // DATABASE_URL points at an external server; without it, the embedded server's URL
    // (scripts/with-db.ts starts that server first when it is not running).
    url: process.env.DATABASE_URL ?? embeddedDatabaseUrl(),
  },
});
