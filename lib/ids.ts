// Record ids made in the app for rows written by raw SQL (lib/data/store-submissions.ts), in the same
// form as Prisma's @default(cuid()): "c", the time in base 36, a counter, a process fingerprint and
// random characters, 25 characters in all. Prisma makes these ids itself when it inserts; an
// INSERT written by hand must bring its own (the columns have no database default).
import { randomInt } from 'node:crypto';
import { hostname } from 'node:os';

const BASE = 36;
const BLOCK = BASE ** 4;
const pad = (s: string, size: number) => s.padStart(size, '0').slice(-size);

function fingerprintOf(): string {
  let host = 'host';
  try {
    host = hostname();
  } catch {
    // no hostname: the pid and the random part keep ids apart
  }
  const hostSum = [...host].reduce((sum, ch) => sum + ch.charCodeAt(0), host.length + BASE);
  return pad(process.pid.toString(BASE), 2) + pad(hostSum.toString(BASE), 2);
}

const FINGERPRINT = fingerprintOf();
let counter = 0;

const randomBlock = () => pad(randomInt(BLOCK).toString(BASE), 4);

/** A new cuid (v1 form, like Prisma's `cuid()`). */
export function newId(): string {
  counter = counter < BLOCK - 1 ? counter + 1 : 0;
  return `c${Date.now().toString(BASE)}${pad(counter.toString(BASE), 4)}${FINGERPRINT}${randomBlock()}${randomBlock()}`;
}
