// Stable content hashes for list entries (a cleared match lapses when the entry's hash changes).
import { createHash } from 'node:crypto';

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

export function contentHash(parts: unknown[]): string {
  return sha256Hex(JSON.stringify(parts)).slice(0, 32);
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
