/** Calls `probe` every 20 ms until `done` holds for its answer or `ms` pass; answers the last answer. */
export async function until<T>(probe: () => Promise<T> | T, done: (value: T) => boolean, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}
