// One command from a fresh clone to a running app (called by `npm run setup` after npm ci):
// auth secret → database (embedded unless DATABASE_URL) → migrations → seed → build → serve on :3000.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { ensureEmbeddedPostgres } from '../lib/embedded-postgres';
import { bin, run, serverEnv, step } from './lib/run';

const args = new Set(process.argv.slice(2));
const port = process.env.PORT ?? '3000';

function ensureSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (process.env.DATABASE_URL && process.env.NODE_ENV === 'production') {
    throw new Error('NEXTAUTH_SECRET is required in production. Generate one with: openssl rand -base64 48');
  }
  const file = '.data/auth-secret';
  if (!fs.existsSync(file)) {
    fs.mkdirSync('.data', { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
    console.log('  generated a local auth secret in .data/auth-secret');
  }
  return fs.readFileSync(file, 'utf8').trim();
}

async function main() {
  step('Auth secret');
  const secret = ensureSecret();

  step(process.env.DATABASE_URL ? 'Database: DATABASE_URL' : 'Database: embedded PostgreSQL');
  const server = process.env.DATABASE_URL ? null : await ensureEmbeddedPostgres();
  const env = {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL ?? server!.url,
    ...(server ? { CLEARANCE_EMBEDDED: '1' } : {}),
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const stop = async () => server?.stop();

  try {
    step('Migrations');
    await run(bin('prisma'), ['migrate', 'deploy'], { env });
    step('Seed (reference data; demo users on the embedded database)');
    await run(bin('tsx'), ['--conditions=react-server', 'prisma/seed.ts'], { env });
    if (!args.has('--no-build')) {
      step('Build');
      await run(bin('next'), ['build'], { env });
    }
  } catch (err) {
    await stop();
    throw err;
  }
  if (args.has('--no-start')) return stop();

  step(`Starting Clearance on http://localhost:${port}`);
  const app = spawn(bin('next'), ['start', '-p', port], { stdio: 'inherit', env: { ...env, ...serverEnv(env) } });
  const demoPassword = process.env.DEMO_PASSWORD ?? 'clearance-demo';
  if (!process.env.DATABASE_URL) {
    console.log(`
  Demo sign-ins (password: ${demoPassword})
    exporter@demo.test    Exporter, Demo Exporter Inc.
    exporter2@demo.test   Exporter, Second Exporter Ltd.
    officer@demo.test     Compliance officer
    officer2@demo.test    Compliance officer
    admin@demo.test       Administrator
`);
  }
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    app.kill('SIGTERM');
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  const code = await new Promise<number>((resolve) => app.on('exit', (c) => resolve(c ?? 0)));
  await stop();
  process.exit(code);
}

main().catch((err) => {
  console.error(`\nSetup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
