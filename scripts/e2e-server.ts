// The server Playwright tests run against: a fresh database (clearance_e2e, seeded with the demo
// users), the production build (built first if missing), `next start` on E2E_PORT.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { prepareDatabase } from '../test/database';
import { bin, run, serverEnv } from './lib/run';

async function main() {
  const port = process.env.E2E_PORT ?? '3100';
  const database = await prepareDatabase(process.env.E2E_DATABASE ?? 'clearance_e2e', { demoUsers: true, quiet: true });
  if (!fs.existsSync(`${process.env.NEXT_DIST_DIR ?? '.next'}/BUILD_ID`)) await run(bin('next'), ['build']);
  const app = spawn(bin('next'), ['start', '-p', port, '-H', '127.0.0.1'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...serverEnv(), // the memory settings `npm start` sets: the journeys run within them
      DATABASE_URL: database.url,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      // Every browser test signs in from 127.0.0.1: the per-IP limit is covered by integration tests.
      LOGIN_MAX_FAILURES_PER_IP: '100000',
      // The service-level clock reads "today" from a cookie the tests set (lib/clock.ts).
      CLEARANCE_TEST_CLOCK: '1',
    },
  });
  const stop = () => app.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  app.on('exit', async (code) => {
    await database.stop();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
