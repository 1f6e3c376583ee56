// A zip "seal": the archive's comment (the last bytes of the file) holds the SHA-256 of every byte
// before it, so changing any single byte of a bundle — content, names, headers or the seal itself —
// fails verification. Written as a fixed-length placeholder by yazl, then patched in place.
// Pure (no database, no fs): used by the offline verifier.
import { createHash } from 'node:crypto';

export const SEAL_PREFIX = 'clearance-sha256:';
export const SEAL_LENGTH = SEAL_PREFIX.length + 64;
export const SEAL_PLACEHOLDER = SEAL_PREFIX + '0'.repeat(64);

/** Replaces the placeholder comment at the end of `zip` with the digest of the bytes before it. */
export function sealZip(zip: Buffer): Buffer {
  const start = zip.length - SEAL_LENGTH;
  if (zip.subarray(start).toString('latin1') !== SEAL_PLACEHOLDER) throw new Error('The archive does not end with the seal placeholder.');
  const digest = createHash('sha256').update(zip.subarray(0, start)).digest('hex');
  zip.write(SEAL_PREFIX + digest, start, 'latin1');
  return zip;
}

export type TSealCheck = { ok: true; sha256: string } | { ok: false; reason: string };

export function checkSeal(zip: Buffer): TSealCheck {
  if (zip.length < SEAL_LENGTH + 22) return { ok: false, reason: 'the file is too short to be a sealed bundle' };
  const start = zip.length - SEAL_LENGTH;
  const seal = zip.subarray(start).toString('latin1');
  // The end-of-central-directory record's comment length (2 bytes just before the comment).
  if (!seal.startsWith(SEAL_PREFIX) || zip.readUInt16LE(start - 2) !== SEAL_LENGTH)
    return { ok: false, reason: 'the bundle has no seal (its last bytes were changed, or it is not a Clearance bundle)' };
  const recorded = seal.slice(SEAL_PREFIX.length);
  const actual = createHash('sha256').update(zip.subarray(0, start)).digest('hex');
  if (recorded !== actual)
    return {
      ok: false,
      reason: `the bundle's bytes do not match its seal (recorded ${recorded.slice(0, 12)}…, computed ${actual.slice(0, 12)}…): it was changed after export`,
    };
  return { ok: true, sha256: actual };
}
