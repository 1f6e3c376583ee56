#!/usr/bin/env node
// Offline stand-in for Prisma's native `schema-engine` binary (PostgreSQL only).
//
// The Prisma CLI normally downloads a native schema-engine from Prisma's CDN. Air-gapped
// sites cannot, so prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY at this script,
// which speaks the binary's protocol using Prisma's official WebAssembly schema engine
// (@prisma/schema-engine-wasm) over @prisma/adapter-pg. See README.md next to this file
// for the contract and for the list of pitfalls (P1..P9) handled below.
//
// Plain ESM, no build step: it is spawned for every migrate/db command and must start fast.

import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import pg from 'pg';
import { MIGRATIONS_TABLE_DDL } from './migrations-table.mjs';

const require = createRequire(import.meta.url);
const LOG_TARGET = 'schema_engine::logger';
const SHADOW_PREFIX = 'prisma_migrate_shadow_db_';
const PG_CHAR_OID = 18; // pg_catalog "char"
const PG_TEXT_OID = 25;
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

// ---------------------------------------------------------------------------------------------
// Logging: JSON lines on stderr, the shape the CLI parses (level, fields.message, target).

function log(level, message, extra = {}) {
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: LOG_TARGET }) + '\n',
  );
}

class UserFacingError extends Error {
  constructor(code, message, meta = {}) {
    super(message);
    this.errorCode = code;
    this.meta = meta;
  }
}

// ---------------------------------------------------------------------------------------------
// Connection URLs. postgresql://user:pass@host:port/db?schema=s&host=/socket/dir

export function parsePostgresUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new UserFacingError('P1013', 'The provided database string is invalid. The URL could not be parsed.');
  }
  if (u.protocol !== 'postgresql:' && u.protocol !== 'postgres:') {
    throw new UserFacingError(
      'P1013',
      `The provided database string is invalid. This offline schema engine supports only postgresql:// URLs, got \`${u.protocol}\`.`,
    );
  }
  const q = u.searchParams;
  const hostname = decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, '$1');
  const config = {
    host: q.get('host') || hostname || 'localhost',
    port: Number(q.get('port') || u.port || 5432),
    user: decodeURIComponent(u.username) || q.get('user') || 'postgres',
    password: u.password ? decodeURIComponent(u.password) : q.get('password') ?? undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    application_name: q.get('application_name') || 'prisma-schema-engine-wasm',
  };
  config.connectionTimeoutMillis = Number(q.get('connect_timeout') ?? 10) * 1000; // 0 = no timeout
  const sslmode = q.get('sslmode');
  if (sslmode === 'require' || sslmode === 'prefer') config.ssl = { rejectUnauthorized: false };
  else if (sslmode === 'verify-full' || sslmode === 'verify-ca') config.ssl = true;
  const schema = q.get('schema') || 'public';
  if (schema !== 'public') config.options = `-c search_path=${quoteIdent(schema)}`;
  return { config, schema };
}

function quoteIdent(name) {
  return '"' + String(name).replaceAll('"', '""') + '"';
}

function location(config) {
  return config.host.startsWith('/') ? `${config.host}` : `${config.host}:${config.port}`;
}

// Turn a pg / network error into the user-facing error the native engine would report.
function classifyPgError(err, config) {
  const loc = location(config);
  switch (err?.code) {
    case '3D000':
      return new UserFacingError('P1003', `Database \`${config.database}\` does not exist on the database server at \`${loc}\`.`, {
        database_name: config.database,
      });
    case '28P01':
    case '28000':
      return new UserFacingError(
        'P1000',
        `Authentication failed against database server at \`${loc}\`, the provided database credentials for \`${config.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${loc}\`.`,
      );
    case '42P04':
      return new UserFacingError('P1009', `Database \`${config.database}\` already exists on the database server at \`${loc}\``);
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ENOENT':
    case 'ETIMEDOUT':
    case 'EAI_AGAIN':
      return new UserFacingError(
        'P1001',
        `Can't reach database server at \`${loc}\`\n\nPlease make sure your database server is running at \`${loc}\`.`,
      );
    default:
      return err instanceof Error ? err : new Error(String(err));
  }
}

async function withClient(config, fn) {
  const client = new pg.Client(config);
  try {
    await client.connect();
  } catch (err) {
    throw classifyPgError(err, config);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// A connection to the server but not to the (maybe missing) target database.
async function withAdminClient(config, fn) {
  try {
    return await withClient({ ...config, database: 'postgres', options: undefined }, fn);
  } catch (err) {
    if (err instanceof UserFacingError && err.errorCode === 'P1003') {
      return withClient({ ...config, database: 'template1', options: undefined }, fn);
    }
    throw err;
  }
}

// P8: `cli create-database` (after can-connect says P1003) and the createDatabase RPC.
async function createDatabase(config) {
  await withAdminClient(config, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(config.database)}`);
    } catch (err) {
      throw classifyPgError(err, config);
    }
  });
  return { databaseName: config.database };
}

// ---------------------------------------------------------------------------------------------
// Driver adapter: @prisma/adapter-pg with the fixes the wasm engine needs.

const charColumns = new WeakMap(); // rows array -> indexes of "char" columns

function patchQueryable(q) {
  // P7: adapter-pg rejects pg_catalog "char" (oid 18), which the engine reads while
  // introspecting (relkind, contype, ...). Let adapter-pg parse it as text, then report
  // it as a Character column (reporting Text makes the engine panic on PostgreSQL 18).
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    const idx = [];
    result.fields?.forEach((f, i) => {
      if (f.dataTypeID === PG_CHAR_OID) {
        f.dataTypeID = PG_TEXT_OID;
        idx.push(i);
      }
    });
    if (idx.length && result.rows) charColumns.set(result.rows, idx);
    return result;
  };
  const queryRaw = q.queryRaw.bind(q);
  q.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    return result;
  };
  return q;
}

function patchAdapter(adapter) {
  patchQueryable(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => patchQueryable(await startTransaction(...args));
  // P3: the engine runs every migration script (on the main and the shadow database)
  // through executeScript, and adapter-pg's version splits the script on every ";" -- which
  // breaks on strings, function bodies and DO blocks (P3006/P3018 "External error").
  // PostgreSQL's simple query protocol runs a whole multi-statement script as is, like the
  // native engine does.
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (err) {
      adapter.onError(err);
    }
  };
  return adapter;
}

const liveShadowDbs = new Map(); // name -> admin config, for cleanup on SIGTERM

class PgMigrationAdapterFactory {
  provider = 'postgres';
  adapterName = '@prisma/adapter-pg';

  constructor(PrismaPg, { config, schema }, shadowUrl) {
    this.PrismaPg = PrismaPg;
    this.config = config;
    this.schema = schema;
    this.shadowUrl = shadowUrl;
  }

  async connect() {
    // P5: discrete fields, never {connectionString}, so that a copy with another
    // `database` really points at another database.
    const factory = new this.PrismaPg({ ...this.config }, { schema: this.schema });
    return patchAdapter(await factory.connect());
  }

  async connectToShadowDb() {
    if (this.shadowUrl) {
      // Explicit shadowDatabaseUrl: use it, wiped first as the native engine does.
      const target = parsePostgresUrl(this.shadowUrl);
      await withClient(target.config, (c) => c.query(resetSql(target.schema)));
      return patchAdapter(await new this.PrismaPg({ ...target.config }, { schema: target.schema }).connect());
    }
    const database = `${SHADOW_PREFIX}${randomUUID().replaceAll('-', '_')}`;
    await withAdminClient(this.config, (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
    liveShadowDbs.set(database, this.config);
    const adapter = await new this.PrismaPg({ ...this.config, database }, { schema: this.schema }).connect();
    const dispose = adapter.dispose.bind(adapter);
    // P6: close our pool first, then force-drop, so no shadow database is left behind.
    adapter.dispose = async () => {
      await dispose().catch(() => {});
      await dropShadowDb(database);
    };
    return patchAdapter(adapter);
  }
}

async function dropShadowDb(database) {
  const config = liveShadowDbs.get(database);
  if (!config) return;
  await withAdminClient(config, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`));
  liveShadowDbs.delete(database);
}

function resetSql(schema) {
  // P2: a reset on PostgreSQL drops and recreates the schema, like the native engine.
  return `DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)};`;
}

// ---------------------------------------------------------------------------------------------
// The WebAssembly engine.

class PanicRegistry {
  message = '';
  get() {
    return this.message;
  }
  set_message(m) {
    this.message = `RuntimeError: ${m}`;
  }
}
// P9: the wasm module reports panics through this global; without it a panic dies silently.
globalThis.PRISMA_WASM_PANIC_REGISTRY = new PanicRegistry();

let wasmModule;
async function loadWasm() {
  if (wasmModule) return wasmModule;
  // The package's entry imports the .wasm as an ES module, which Node 20 cannot do
  // without a flag: instantiate the binary ourselves against the generated glue.
  const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bg = await import(bgPath.startsWith('/') ? 'file://' + bgPath : bgPath);
  const bytes = readFileSync(new URL('./schema_engine_bg.wasm', 'file://' + bgPath));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  wasmModule = bg;
  return bg;
}

function readDatamodels(paths) {
  // Commands such as `migrate diff` start the engine without --datamodels; the wasm engine
  // panics on an empty list, so give it a minimal PostgreSQL datasource block.
  if (paths.length === 0) return [['schema.prisma', 'datasource db {\n  provider = "postgresql"\n}\n']];
  return paths.map((p) => [p, readFileSync(p, 'utf8')]);
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC server.

class EngineServer {
  constructor({ datamodels, datasource }) {
    this.datamodelPaths = datamodels;
    this.datasource = datasource;
    this.enginePromise = null;
    this.nextOutgoingId = 1;
    this.pendingOutgoing = new Map();
    this.queue = Promise.resolve();
  }

  target() {
    if (!this.datasource?.url) {
      throw new UserFacingError('P1012', 'No datasource URL was given to the schema engine (set `datasource.url` in prisma.config.ts).');
    }
    return parsePostgresUrl(this.datasource.url);
  }

  engine() {
    this.enginePromise ??= (async () => {
      const bg = await loadWasm();
      const { PrismaPg } = await import('@prisma/adapter-pg');
      const { bindMigrationAwareSqlAdapterFactory } = await import('@prisma/driver-adapter-utils');
      const target = this.target();
      const factory = bindMigrationAwareSqlAdapterFactory(
        new PgMigrationAdapterFactory(PrismaPg, target, this.datasource.shadowDatabaseUrl),
      );
      const onLog = (line) => process.stderr.write(String(line).trimEnd() + '\n');
      try {
        return await bg.SchemaEngine.new({ datamodels: readDatamodels(this.datamodelPaths) }, onLog, factory);
      } catch (err) {
        // The wasm error carries no code: probe the server to report P1001/P1003/... properly.
        await withClient(target.config, async () => {});
        throw err;
      }
    })();
    this.enginePromise.catch(() => {
      this.enginePromise = null;
    });
    return this.enginePromise;
  }

  async withSchemaClient(fn) {
    const { config } = this.target();
    return withClient(config, fn);
  }

  // P1: the wasm engine fails with P1014 when `_prisma_migrations` is missing instead of
  // treating the database as uninitialised. Create it (the engine's own DDL) before
  // reading the history, except where the native engine would refuse (P3005).
  async ensureMigrationsTable({ refuseNonEmpty }) {
    const { schema } = this.target();
    await this.withSchemaClient(async (c) => {
      const { rows } = await c.query(
        `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND c.relkind IN ('r','v','m','p','f')`,
        [schema],
      );
      if (rows.some((r) => r.relname === '_prisma_migrations')) return;
      if (refuseNonEmpty && rows.length > 0) {
        throw new UserFacingError(
          'P3005',
          'The database schema is not empty. Read more about how to baseline an existing production database: https://pris.ly/d/migrate-baseline',
        );
      }
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await c.query(MIGRATIONS_TABLE_DDL.replace('"_prisma_migrations"', `${quoteIdent(schema)}."_prisma_migrations"`));
    });
  }

  async hasMigrationsTable() {
    const { schema } = this.target();
    return this.withSchemaClient(async (c) => {
      const { rows } = await c.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`${quoteIdent(schema)}."_prisma_migrations"`]);
      return rows[0].present;
    });
  }

  async call(method, params) {
    switch (method) {
      case 'getDatabaseVersion':
        return (await this.engine()).version(params ?? null);
      case 'createDatabase': {
        const url = params?.datasource?.url ?? this.datasource?.url;
        return createDatabase(parsePostgresUrl(url).config);
      }
      case 'reset': {
        // P2
        const { schema } = this.target();
        await this.withSchemaClient((c) => c.query(resetSql(schema)));
        return {};
      }
      case 'dbExecute': {
        const url = params.datasourceType?.tag === 'url' ? params.datasourceType.url : this.datasource?.url;
        const { config } = parsePostgresUrl(url);
        await withClient(config, (c) => c.query(params.script));
        return {};
      }
      case 'applyMigrations':
      {
        await this.ensureMigrationsTable({ refuseNonEmpty: true });
        const result = await (await this.engine()).applyMigrations(params);
        if (result.appliedMigrationNames?.length) this.shadowFactoryStale = true;
        return result;
      }
      case 'diagnoseMigrationHistory': {
        if (!(await this.hasMigrationsTable())) {
          // What the native engine answers for a database without history.
          const names = params.migrationsList.migrationDirectories.map((d) => d.path);
          return {
            editedMigrationNames: [],
            failedMigrationNames: [],
            hasMigrationsTable: false,
            history: names.length ? { diagnostic: 'databaseIsBehind', unappliedMigrationNames: names } : null,
          };
        }
        return (await this.engine()).diagnoseMigrationHistory(params);
      }
      case 'devDiagnostic':
      case 'markMigrationApplied':
      case 'markMigrationRolledBack':
      case 'evaluateDataLoss':
      case 'createMigration':
        await this.ensureMigrationsTable({ refuseNonEmpty: false });
        return this.devCall(method, params);
      case 'diff': {
        const result = await (await this.engine()).diff(params);
        // Like the native binary: the text goes to the CLI as a `print` request.
        if (result.stdout != null && result.stdout !== '') await this.print(result.stdout);
        return { exitCode: result.exitCode, stdout: null };
      }
      case 'debugPanic':
        return (await this.engine()).debugPanic();
      case 'ensureConnectionValidity':
      case 'introspect':
      case 'introspectSql':
      case 'schemaPush':
      case 'version': {
        const engine = await this.engine();
        return engine[method](params);
      }
      default:
        throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
    }
  }

  // P4: after applyMigrations, the wasm engine no longer finds the shadow-database factory
  // ("PostgreSQL shadow DB must be provided through an external factory") in
  // evaluateDataLoss/createMigration until a devDiagnostic has run again; `migrate dev`
  // does exactly that sequence when it first applies pending migrations.
  async devCall(method, params) {
    const engine = await this.engine();
    if ((method === 'evaluateDataLoss' || method === 'createMigration') && this.shadowFactoryStale) {
      await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
    }
    const result = await engine[method](params);
    this.shadowFactoryStale = false;
    return result;
  }

  print(content) {
    const id = `print-${this.nextOutgoingId++}`;
    return new Promise((resolve) => {
      this.pendingOutgoing.set(id, resolve);
      process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id, method: 'print', params: { content } }) + '\n');
    });
  }

  handleLine(line) {
    if (!line.trim()) return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      this.reply({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    if (msg.method === undefined && this.pendingOutgoing.has(msg.id)) {
      this.pendingOutgoing.get(msg.id)();
      this.pendingOutgoing.delete(msg.id);
      return;
    }
    // One request at a time, in order (the CLI sends them one by one anyway).
    this.queue = this.queue.then(() => this.handleRequest(msg));
  }

  async handleRequest(msg) {
    const { id, method, params } = msg;
    this.currentId = id;
    try {
      const result = await this.call(method, params);
      this.reply({ jsonrpc: '2.0', id, result: result ?? {} });
    } catch (err) {
      if (globalThis.PRISMA_WASM_PANIC_REGISTRY.get() || err instanceof WebAssembly.RuntimeError) {
        this.panic(err);
        return;
      }
      const data = errorData(err);
      log('ERROR', data.message, data.error_code ? { error_code: data.error_code } : {});
      this.reply({ jsonrpc: '2.0', id, error: { code: err?.rpcCode ?? 4466, message: 'An error happened. Check the data field for details.', data } });
    }
  }

  // P9: report a wasm panic (caught, or thrown from a wasm future as an uncaught exception)
  // as the native binary would: an is_panic RPC error, an ERROR log line, exit code 101.
  panic(err) {
    if (this.panicking) return;
    this.panicking = true;
    const message = globalThis.PRISMA_WASM_PANIC_REGISTRY.get() || String(err?.message ?? err);
    log('ERROR', message, { is_panic: true, backtrace: String(err?.stack ?? '') });
    if (this.currentId !== undefined) {
      this.reply({
        jsonrpc: '2.0',
        id: this.currentId,
        error: {
          code: 4466,
          message: 'An error happened. Check the data field for details.',
          data: { is_panic: true, message, error: { message }, backtrace: String(err?.stack ?? '') },
        },
      });
    }
    // The wasm instance is unusable after a panic.
    cleanupShadowDbs().finally(() => process.stdout.write('', () => process.exit(101)));
  }

  reply(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
  }

  async shutdown(code = 0) {
    await this.queue.catch(() => {});
    await cleanupShadowDbs();
    process.stdout.write('', () => process.exit(code));
  }
}

function errorData(err) {
  if (err instanceof UserFacingError) {
    return { is_panic: false, message: err.message, meta: err.meta, error_code: err.errorCode };
  }
  const message = String(err?.message ?? err).trim();
  // Messages from the wasm engine carry no error code; recover the ones the CLI shows.
  let error_code;
  if (/_prisma_migrations/.test(message) && /does not exist/.test(message)) error_code = 'P1014';
  else if (/^Database `.*` does not exist/.test(message)) error_code = 'P1003';
  return { is_panic: false, message, ...(error_code ? { error_code } : {}) };
}

async function cleanupShadowDbs() {
  for (const name of [...liveShadowDbs.keys()]) await dropShadowDb(name).catch(() => {});
}

// ---------------------------------------------------------------------------------------------
// Entry point.

function parseArgs(argv) {
  const out = { datamodels: [], datasource: null, cli: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--datamodels') {
      while (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') && argv[i + 1] !== 'cli') out.datamodels.push(argv[++i]);
    } else if (a === '--datasource') out.datasource = JSON.parse(argv[++i]);
    else if (a === '--enabled-preview-features' || a === '--extension-types') i++;
    else if (a === '--version' || a === '-V') out.version = true;
    else if (a === '--help' || a === '-h') out.help = true;
    else if (a === 'cli') out.cli = argv[++i];
  }
  return out;
}

async function runCli(command, datasource) {
  // The CLI skips the first stderr line and parses the others as JSON.
  log('INFO', 'Starting schema-engine-wasm CLI (offline stand-in)');
  try {
    if (!datasource?.url) throw new UserFacingError('P1012', 'Missing --datasource url');
    const { config } = parsePostgresUrl(datasource.url);
    if (command === 'can-connect-to-database') await withClient(config, (c) => c.query('SELECT 1'));
    else if (command === 'create-database') {
      await createDatabase(config);
      log('INFO', `Database '${config.database}' was successfully created.`);
    } else if (command === 'drop-database') {
      await withAdminClient(config, (c) => c.query(`DROP DATABASE ${quoteIdent(config.database)} WITH (FORCE)`));
    } else throw new UserFacingError('P1012', `Unknown cli command: ${command}`);
    return 0;
  } catch (err) {
    const data = errorData(err);
    log('ERROR', data.message, data.error_code ? { error_code: data.error_code } : {});
    return 1;
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    const { version } = await loadWasm();
    process.stdout.write(`schema-engine-cli ${version()} (wasm, ${fileURLToPath(import.meta.url)})\n`);
    return;
  }
  if (args.help) {
    process.stdout.write('Offline schema engine (wasm). Usage: schema-engine [--datamodels FILE...] [--datasource JSON] [cli can-connect-to-database|create-database|drop-database]\n');
    return;
  }
  if (args.cli) {
    process.exitCode = await runCli(args.cli, args.datasource);
    return;
  }
  const server = new EngineServer(args);
  for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => server.shutdown(0));
  process.on('uncaughtException', (err) => server.panic(err));
  process.on('unhandledRejection', (err) => server.panic(err));
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => server.handleLine(line));
  rl.on('close', () => server.shutdown(0));
}

main().catch((err) => {
  log('ERROR', String(err?.stack ?? err));
  process.exit(1);
});
