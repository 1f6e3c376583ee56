// Runs once when a server instance starts (not during next build): without DATABASE_URL, start
// the embedded PostgreSQL server (or join the one already running).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.DATABASE_URL) return;
  const { ensureEmbeddedPostgres } = await import('./lib/embedded-postgres');
  await ensureEmbeddedPostgres();
}
