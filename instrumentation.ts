// Runs once when a server instance starts. The Node.js-only work lives in lib/server-start.ts so
// the Edge bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServerInstance } = await import('./lib/server-start');
    await startServerInstance();
  }
}
