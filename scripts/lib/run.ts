// Small helpers for the project's own scripts: run a command, fail loudly.
import { spawn, type SpawnOptions } from 'node:child_process';

export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`))));
  });
}

export const bin = (name: string) => `node_modules/.bin/${name}`;

export function step(message: string) {
  console.log(`\n› ${message}`);
}

/**
 * The app server's memory settings. The heap limit in MB (CLEARANCE_HEAP_MB, default 512): the live
 * heap with the whole Consolidated Screening List indexed is ~160 MB; uploading and comparing the whole
 * CSL peaks near 500 MB of RSS (256 ran out of memory in the list-update journey). Without a limit V8
 * lets a busy server's heap grow into gigabytes before it collects. A 4 MB semi-space (young
 * generation) keeps ~30 MB of RSS off a busy server for more frequent, cheaper scavenges: 5,090
 * submissions left it at 400 MB (npm run bench:http). package.json's `start` script says the same.
 */
export const SERVER_HEAP_MB_DEFAULT = 512;
export const SERVER_SEMI_SPACE_MB = 4;

/**
 * glibc malloc arenas (MALLOC_ARENA_MAX). Outside the V8 heap, the server's native memory (buffers,
 * crypto, WebAssembly compilation, ...) is malloc'ed from up to 8 arenas per core, one per thread that
 * asks, and each keeps its freed memory: ~90 MB of RSS on a busy 2-core server. Two arenas held
 * 5,000+ submissions at ~355 MB of RSS instead of ~415 MB, at the same CPU per request (npm run bench:http).
 */
export const SERVER_MALLOC_ARENAS = 2;

/** NODE_OPTIONS for the app server: its memory settings, then whatever NODE_OPTIONS already says (later flags win). */
export function serverNodeOptions(env: Record<string, string | undefined> = process.env): string {
  return `--max-old-space-size=${env.CLEARANCE_HEAP_MB || SERVER_HEAP_MB_DEFAULT} --max-semi-space-size=${SERVER_SEMI_SPACE_MB} ${env.NODE_OPTIONS ?? ''}`.trim();
}

/** The app server's environment settings, as `npm start` sets them: NODE_OPTIONS and MALLOC_ARENA_MAX (an operator's own value wins). */
export function serverEnv(env: Record<string, string | undefined> = process.env): { NODE_OPTIONS: string; MALLOC_ARENA_MAX: string } {
  return { NODE_OPTIONS: serverNodeOptions(env), MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || String(SERVER_MALLOC_ARENAS) };
}
