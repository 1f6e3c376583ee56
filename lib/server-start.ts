// What a server instance does when it starts (called from instrumentation.ts, Node.js runtime only;
// not during next build): without DATABASE_URL, start the embedded PostgreSQL server (or join the
// one already running); then start this instance's background job runner (re-screens, impact
// previews), unless CLEARANCE_JOB_RUNNER=0. On SIGTERM / SIGINT the runner finishes its current
// batch and hands its job back for the next instance.
export async function startServerInstance() {
  // X-Forwarded-For is the socket address (plus what trusted proxies added), never what a client claims.
  const { installClientAddressRewrite } = await import('./client-address');
  const { env } = await import('./env');
  installClientAddressRewrite(env().TRUST_PROXY_HOPS);
  if (!process.env.DATABASE_URL) {
    const { ensureEmbeddedPostgres } = await import('./embedded-postgres');
    await ensureEmbeddedPostgres();
  }
  // Build the active rule set's index now (1–2 s with the whole Consolidated Screening List), not
  // while the first exporter waits for a screening. A failure here only means it is built later.
  void import('./data/rulesets')
    .then((m) => m.getActiveRuleSet())
    .catch((err: unknown) => console.warn(`Rule set not preloaded: ${err instanceof Error ? err.message : String(err)}`));
  if (process.env.CLEARANCE_JOB_RUNNER === '0') return;
  const { startJobRunner } = await import('./jobs/runner');
  const runner = startJobRunner();
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void runner.stop().finally(() => {
      // Let Next's own handlers (and the embedded server's) run after ours.
      if (process.listenerCount(signal) === 0) process.exit(0);
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
