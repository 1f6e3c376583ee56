// One value per server process. Next.js loads a module once per bundle layer (route handlers, pages
// and server actions, instrumentation), so a plain module-level cache exists several times in one
// process: a rule set built and held once per layer, rate-limit counts split between layers. State
// that must be shared by the whole process lives on globalThis under a registered symbol instead.

export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`clearance.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[key] ??= create());
}
