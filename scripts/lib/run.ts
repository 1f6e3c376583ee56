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
 * The app server's heap limit in MB (CLEARANCE_HEAP_MB, default 256): the live heap with the whole
 * Consolidated Screening List indexed is ~160 MB, and without a limit V8 lets a busy server's heap
 * grow into gigabytes before it collects. package.json's `start` script says the same default.
 */
export const SERVER_HEAP_MB_DEFAULT = 256;

/** NODE_OPTIONS for the app server: the heap limit, then whatever NODE_OPTIONS already says. */
export function serverNodeOptions(env: Record<string, string | undefined> = process.env): string {
  return `--max-old-space-size=${env.CLEARANCE_HEAP_MB || SERVER_HEAP_MB_DEFAULT} ${env.NODE_OPTIONS ?? ''}`.trim();
}
