// npm run bench:http — the JSON API and the submit server action against the running production
// build, side by side in one run: the trivial route (GET /api/health, one SELECT 1: the framework's
// ceiling here), POST /api/v1/screen, POST /api/v1/applications and the application form's server
// action through a real multipart form post (no JavaScript, as a browser without it would send it).
// Starts `next start` on its own port and its own database (embedded PostgreSQL, or the server named
// by DATABASE_URL), prints req/s and latency percentiles, the ratios to the trivial route and the
// server's RSS, then checks the data it wrote: every acknowledged application stored exactly once.
// A benchmark, not a test: it prints figures. `--json` ends the output with one line of JSON.
//
//   BENCH_SECONDS (15)  seconds per route · BENCH_CONNECTIONS (32)  requests in flight
//   BENCH_PORT (3390)   · BENCH_DATABASE (clearance_bench_http) · BENCH_SUBMISSIONS: extra API
//   submissions before the final RSS reading (default: enough to reach 5,000 in all) ·
//   BENCH_NODE_ARGS: flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" ·
//   BENCH_ROUTES: a comma-separated subset of screenApi, submitApi, submitAction
import autocannon from 'autocannon';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { prepareDatabase } from '../test/database';
import { bin, run, serverEnv } from './lib/run';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PORT = Number(process.env.BENCH_PORT ?? 3390);
const BASE = `http://127.0.0.1:${PORT}`;
const JSON_OUT = process.argv.includes('--json');
const RUN = randomUUID().slice(0, 8);
const PASSWORD = process.env.DEMO_PASSWORD ?? 'clearance-demo';

type TFigures = {
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  ratio?: number;
  /** CPU milliseconds per answered request: the app server's, and PostgreSQL's */
  cpuMsPerRequest: { server: number; database: number };
};

const application = (marker: string) => ({
  lineItems: [
    {
      name: 'Door controller',
      description: 'Badge reader for warehouse doors',
      eccn: 'EAR99',
      kind: 'HARDWARE',
      quantity: 10,
      unitValueUsd: 250,
      biometric: null,
    },
    { name: 'Fingerprint reader', description: 'Access control reader', eccn: '3A981', kind: 'HARDWARE', quantity: 2, unitValueUsd: 900, biometric: null },
  ],
  destination: { country: 'DE', region: null },
  endUser: { name: 'Muster Logistik GmbH', country: 'DE', address: 'Hafenstrasse 1', city: 'Hamburg', type: 'COMMERCIAL' },
  consignees: [{ name: 'Nordfracht Spedition GmbH', country: 'DE', role: 'INTERMEDIATE' }],
  endUse: { category: 'ACCESS_CONTROL', description: `Warehouse doors (${marker})` },
  redFlags: [],
});

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** RSS of the server process and its children, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const pids = [pid];
  try {
    pids.push(
      ...execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    // no children
  }
  let kb = 0;
  for (const p of pids) {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
    kb += Number(m?.[1] ?? 0);
  }
  return Math.round(kb / 1024);
}

/** CPU seconds used so far by a process (Linux /proc: user + system). */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0; // the process ended
  }
}

function pidsOf(name: string): number[] {
  try {
    return execFileSync('pgrep', ['-x', name], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

let serverPid = 0;
/** Each PostgreSQL process's CPU seconds when last read: one that has exited since still counts (else the sum would fall). */
const databaseCpu = new Map<number, number>();
/** CPU seconds of the app server and of every PostgreSQL process on the machine (those that exited: until their last reading). */
function cpuNow(): { server: number; database: number } {
  for (const pid of pidsOf('postgres')) databaseCpu.set(pid, Math.max(databaseCpu.get(pid) ?? 0, cpuSeconds(pid)));
  return { server: cpuSeconds(serverPid), database: [...databaseCpu.values()].reduce((sum, s) => sum + s, 0) };
}

type TLoad = {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** a fresh body (and its content type) for each request */
  body?: () => { body: string | Buffer; contentType: string };
  expect: number[];
  /** checks an answer with an expected status; false = an error (e.g. an action that answered without redirecting) */
  onAck?: (status: number, body: string, headers: Record<string, string | string[]>) => boolean;
};

async function load(name: string, spec: TLoad, seconds = SECONDS): Promise<TFigures> {
  const latencies: number[] = [];
  let errors = 0;
  const cpuBefore = cpuNow();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: BASE,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: spec.method,
            path: spec.path,
            setupRequest: (req) => {
              const made = spec.body?.();
              return made
                ? { ...req, body: made.body, headers: { ...spec.headers, 'content-type': made.contentType } }
                : { ...req, headers: { ...spec.headers } };
            },
            onResponse: (status, body, _context, headers) => {
              const ok = spec.expect.includes(status) && (spec.onAck?.(status, String(body), (headers ?? {}) as Record<string, string | string[]>) ?? true);
              if (!ok) {
                errors += 1;
                if (errors <= 3) console.error(`  ${name}: unexpected answer ${status} ${String(body).slice(0, 300)}`);
              }
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  errors += result.errors + result.timeouts;
  if (process.env.BENCH_DEBUG) console.error(name, { total: result.requests.total, latencies: latencies.length, non2xx: result.non2xx, errors: result.errors });
  latencies.sort((a, b) => a - b);
  const cpuAfter = cpuNow();
  const perRequest = (sec: number) => round((sec * 1000) / Math.max(1, latencies.length), 2);
  return {
    cpuMsPerRequest: { server: perRequest(cpuAfter.server - cpuBefore.server), database: perRequest(cpuAfter.database - cpuBefore.database) },
    rps: round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    requests: latencies.length,
    errors,
  };
}

async function waitForServer(server: ChildProcess) {
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    if (server.exitCode !== null) throw new Error('next start exited');
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the server did not answer within 2 minutes');
}

/** Signs in through next-auth's credentials endpoint and returns the Cookie header. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: 'true' }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.includes('session-token'));
  if (!session) throw new Error(`could not sign in as ${email} (${res.status})`);
  return [...cookies, session].join('; ');
}

/**
 * The id of the application form's server action (`saveApplication`), from the build's manifest: the
 * browser's form submit sends it in the Next-Action header.
 */
function saveActionId(): string {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, a]) => a.exportedName === 'saveApplication' && a.filename?.endsWith('applications/actions.ts'))?.[0];
  if (!id) throw new Error('saveApplication is not in .next/server/server-reference-manifest.json');
  return id;
}

/**
 * The body the browser sends when the form calls `saveApplication(state, formData)` (React 19.2's reply
 * encoding: the FormData argument's fields under the prefix "_1_", the argument list as JSON in "0").
 * Built by hand, once per request: autocannon asks for bodies synchronously.
 */
function actionBody(fields: [string, string][]): { body: Buffer; contentType: string } {
  const boundary = `----clearance${randomUUID().replace(/-/g, '')}`;
  const all: [string, string][] = [...fields.map(([k, v]): [string, string] => [`_1_${k}`, v]), ['0', JSON.stringify([{ status: 'idle' }, '$K1'])]];
  const parts = all.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  return { body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

function formFields(marker: string): [string, string][] {
  return [
    ['intent', 'submit'],
    ['submissionToken', randomUUID()],
    ['lineItems.0.name', 'Door controller'],
    ['lineItems.0.description', 'Badge reader for warehouse doors'],
    ['lineItems.0.eccn', 'EAR99'],
    ['lineItems.0.kind', 'HARDWARE'],
    ['lineItems.0.quantity', '10'],
    ['lineItems.0.unitValueUsd', '250'],
    ['destination.country', 'DE'],
    ['endUser.name', 'Muster Logistik GmbH'],
    ['endUser.country', 'DE'],
    ['endUser.address', 'Hafenstrasse 1'],
    ['endUser.city', 'Hamburg'],
    ['endUser.type', 'COMMERCIAL'],
    ['endUse.category', 'ACCESS_CONTROL'],
    ['endUse.description', `Warehouse doors (${marker})`],
  ];
}

async function main() {
  const external = Boolean(process.env.DATABASE_URL);
  if (external) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  const log = (s: string) => console.log(s);
  log(`› database: ${external ? 'external (DATABASE_URL)' : 'embedded'} · ${CONNECTIONS} in flight · ${SECONDS} s per route`);
  const database = await prepareDatabase(process.env.BENCH_DATABASE ?? 'clearance_bench_http', {
    demoUsers: true,
    quiet: true,
    reuse: process.env.BENCH_REUSE_DATABASE === '1',
  });
  if (!fs.existsSync('.next/BUILD_ID')) await run(bin('next'), ['build']);
  // BENCH_NODE_ARGS: flags for the server's node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it)
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, bin('next'), 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ...serverEnv(), // the memory settings `npm start` sets
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      NEXTAUTH_URL: BASE,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-bench',
      API_RATE_LIMIT_PER_MINUTE: '100000000',
      LOGIN_MAX_FAILURES_PER_IP: '100000',
    },
  });
  serverPid = server.pid!;
  const db = new pg.Client({ connectionString: database.url });
  try {
    await waitForServer(server);
    await db.connect();
    // An API key for the demo exporter, made the way the admin page makes it (lib/data/api-keys.ts).
    process.env.DATABASE_URL = database.url;
    const { createApiKey } = await import('@/lib/data/api-keys');
    const admin = (await db.query(`SELECT id, email, name, role FROM "User" WHERE email = 'admin@demo.test'`)).rows[0];
    const exporter = (await db.query(`SELECT id FROM "User" WHERE email = 'exporter@demo.test'`)).rows[0];
    const { key } = await createApiKey({ ...admin, organizationId: null }, { name: `bench ${RUN}`, actingUserId: exporter.id });
    const api = { authorization: `Bearer ${key}` };
    const cookie = await signIn('exporter@demo.test');
    const actionId = saveActionId();

    let n = 0;
    const marker = () => `bench ${RUN} #${(n += 1)}`;
    const acked = { api: new Set<string>(), action: new Set<string>() };
    const jsonBody = () => ({ body: JSON.stringify(application(marker())), contentType: 'application/json' });
    const screenSpec: TLoad = { method: 'POST', path: '/api/v1/screen', headers: api, body: jsonBody, expect: [200] };
    const submitSpec: TLoad = {
      method: 'POST',
      path: '/api/v1/applications',
      headers: api,
      body: jsonBody,
      expect: [201],
      onAck: (_s, body) => {
        acked.api.add((JSON.parse(body) as { id: string }).id);
        return true;
      },
    };
    const actionSpec: TLoad = {
      method: 'POST',
      path: '/applications/new',
      headers: { cookie, origin: BASE, 'next-action': actionId, accept: 'text/x-component' },
      body: () => actionBody(formFields(marker())),
      // A fetch action answers 200; a redirect is said in x-action-redirect, with the target page's render.
      expect: [200],
      onAck: (_s, _b, headers) => {
        // the submitted application's page; a draft would go to /applications/<id>/edit
        const id = /^\/applications\/([^/?#;]+)(?:[?;#]|$)/.exec(String(headers['x-action-redirect'] ?? ''))?.[1];
        if (id) acked.action.add(id);
        return Boolean(id);
      },
    };

    // Warm-up: one request per route first (the first screening loads and indexes the rule set:
    // seconds, during which the server answers nothing), then a few seconds of load each, not counted.
    for (const spec of [screenSpec, submitSpec, actionSpec]) {
      const made = spec.body!();
      const res = await fetch(`${BASE}${spec.path}`, {
        method: 'POST',
        headers: { ...spec.headers, 'content-type': made.contentType },
        body: typeof made.body === 'string' ? made.body : new Uint8Array(made.body),
      });
      const body = await res.text();
      if (!spec.expect.includes(res.status) || spec.onAck?.(res.status, body, Object.fromEntries(res.headers)) === false) {
        throw new Error(`warm-up ${spec.path}: ${res.status} ${body.slice(0, 300)}`);
      }
    }
    await load('warm-up', { method: 'GET', path: '/api/health', expect: [200] }, 3);
    await load('warm-up', screenSpec, 3);
    await load('warm-up', submitSpec, 3);
    await load('warm-up', actionSpec, 3);
    const afterWarmup = rssMb(server.pid!);
    log(`› server RSS after warm-up: ${afterWarmup} MB`);

    // BENCH_ROUTES=screenApi,submitApi: only those (and the trivial route), e.g. to profile one
    const only = (process.env.BENCH_ROUTES ?? '').split(',').filter(Boolean);
    const skipped: TFigures = { rps: NaN, p50Ms: NaN, p95Ms: NaN, p99Ms: NaN, requests: 0, errors: 0, cpuMsPerRequest: { server: NaN, database: NaN } };
    const maybe = (route: string, name: string, spec: TLoad) => (only.length === 0 || only.includes(route) ? load(name, spec) : Promise.resolve(skipped));
    const trivial = await load('GET /api/health', { method: 'GET', path: '/api/health', expect: [200] });
    const screenApi = await maybe('screenApi', 'POST /api/v1/screen', screenSpec);
    const submitApi = await maybe('submitApi', 'POST /api/v1/applications', submitSpec);
    const submitAction = await maybe('submitAction', 'submit server action', actionSpec);
    for (const f of [screenApi, submitApi, submitAction]) f.ratio = round(f.rps / trivial.rps, 2);

    // Top up to 5,000 submissions in all before the final memory reading.
    const target = Number(process.env.BENCH_SUBMISSIONS ?? 5000);
    let submitted = acked.api.size + acked.action.size;
    while (submitted < target) {
      const before = acked.api.size;
      await load('top-up', submitSpec, Math.min(30, Math.max(3, Math.ceil((target - submitted) / Math.max(submitApi.rps, 20)))));
      if (acked.api.size === before) break;
      submitted = acked.api.size + acked.action.size;
    }
    const afterRun = rssMb(server.pid!);

    // Every acknowledged application is stored exactly once, with the body it was sent with.
    const ids = [...acked.api, ...acked.action];
    const stored = await db.query<{ id: string; n: number }>(`SELECT a.id, count(*)::int AS n FROM "Application" a WHERE a.id = ANY($1) GROUP BY a.id`, [ids]);
    // Rows carrying this run's marker: each marker once (no duplicate), each one acknowledged.
    const markers = await db.query<{ n: number; distinct: number; unacknowledged: number; acknowledged: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT data->'endUse'->>'description')::int AS distinct,
              count(*) FILTER (WHERE NOT (id = ANY($2)))::int AS unacknowledged,
              count(*) FILTER (WHERE id = ANY($2))::int AS acknowledged
         FROM "Application" WHERE data->'endUse'->>'description' LIKE $1`,
      [`%bench ${RUN} #%`, ids],
    );
    const missing = ids.length - stored.rowCount!;
    const duplicates = markers.rows[0]!.n - markers.rows[0]!.distinct;
    const unacknowledged = markers.rows[0]!.unacknowledged;
    // an acknowledged application stored without the body it was sent with
    const altered = stored.rowCount! - markers.rows[0]!.acknowledged;
    const row = (label: string, f: TFigures) =>
      `${label.padEnd(36)} ${String(f.rps).padStart(7)} req/s  p50 ${String(f.p50Ms).padStart(6)}  p95 ${String(f.p95Ms).padStart(6)}  p99 ${String(f.p99Ms).padStart(6)} ms  ${f.ratio === undefined ? '      ' : `${f.ratio.toFixed(2)}×`}  errors ${f.errors}  CPU/request: server ${f.cpuMsPerRequest.server} ms, PostgreSQL ${f.cpuMsPerRequest.database} ms`;
    log('');
    log(row('GET /api/health (trivial)', trivial));
    log(row('POST /api/v1/screen', screenApi));
    log(row('POST /api/v1/applications', submitApi));
    log(row('submit server action (form post)', submitAction));
    log(`\nserver RSS: ${afterWarmup} MB after warm-up, ${afterRun} MB after ${submitted.toLocaleString('en-US')} submissions`);
    log(
      `stored: ${ids.length.toLocaleString('en-US')} acknowledged, ${missing} missing, ${duplicates} stored twice, ${altered} with another body, ${unacknowledged} stored but not acknowledged (requests cut off at a phase's end)`,
    );
    log(
      `goals: screen ≥ 0.70× ${screenApi.ratio! >= 0.7 ? '✓' : '✗'} · submit ≥ 0.35× ${submitApi.ratio! >= 0.35 ? '✓' : '✗'} · submit p95 ≤ 300 ms ${submitApi.p95Ms <= 300 ? '✓' : '✗'} · RSS ≤ 400 MB ${afterRun <= 400 ? '✓' : '✗'}`,
    );
    const pick = ({ requests: _r, ...f }: TFigures) => f;
    if (JSON_OUT) {
      console.log(
        JSON.stringify({
          trivial: { rps: trivial.rps, p95Ms: trivial.p95Ms, cpuMsPerRequest: trivial.cpuMsPerRequest },
          screenApi: pick(screenApi),
          submitApi: pick(submitApi),
          submitAction: pick(submitAction),
          rssMb: { afterWarmup, afterRun },
          submissions: submitted,
          stored: { acknowledged: ids.length, missing, duplicates, altered, unacknowledged },
          database: external ? 'external' : 'embedded',
        }),
      );
    }
    if (missing > 0 || duplicates > 0 || altered > 0) process.exitCode = 1;
  } finally {
    await db.end().catch(() => undefined);
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await database.stop();
  }
}

main().then(
  () => process.exit(),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
