// Runs a command with DATABASE_URL set. Without DATABASE_URL, starts the embedded PostgreSQL server
// if it is not running, and stops it afterwards only if this script started it ("leave it as found").
//   tsx scripts/with-db.ts prisma migrate deploy
import { spawn } from 'node:child_process';
import { ensureEmbeddedPostgres } from '../lib/embedded-postgres';

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: tsx scripts/with-db.ts <command> [args…]');
    process.exit(2);
  }
  const server = process.env.DATABASE_URL ? null : await ensureEmbeddedPostgres();
  const env = server ? { ...process.env, DATABASE_URL: server.url, CLEARANCE_EMBEDDED: '1' } : process.env;
  const child = spawn(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code: number = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
  await server?.stop(); // stops the server only if nobody else is using it and we started or shared it
  process.exit(code);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
