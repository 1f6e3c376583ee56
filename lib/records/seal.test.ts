// The seal over a whole zip: every single-byte change anywhere in the file is caught.
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { checkSeal, SEAL_PLACEHOLDER, sealZip } from './seal';

function smallZip(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('{"reference":"CLR-2026-000001"}\n'), 'application.json', { mtime: new Date('2026-12-01T00:00:00Z') });
  zip.addBuffer(Buffer.from('[]\n'), 'audit/events.json', { mtime: new Date('2026-12-01T00:00:00Z'), compress: false });
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end({ comment: SEAL_PLACEHOLDER, forceZip64Format: false });
  });
}

describe('zip seal', () => {
  it('holds for an untouched file and fails for a change at every byte position', async () => {
    const sealed = sealZip(await smallZip());
    expect(checkSeal(sealed)).toMatchObject({ ok: true });
    for (let at = 0; at < sealed.length; at += 1) {
      const changed = Buffer.from(sealed);
      changed[at] = changed[at]! ^ 0x01;
      expect(checkSeal(changed).ok, `byte ${at}`).toBe(false);
    }
  });

  it('fails for a truncated or extended file, and for an unsealed zip', async () => {
    const sealed = sealZip(await smallZip());
    expect(checkSeal(sealed.subarray(0, sealed.length - 1)).ok).toBe(false);
    expect(checkSeal(Buffer.concat([sealed, Buffer.from('x')])).ok).toBe(false);
    expect(checkSeal(await smallZip()).ok).toBe(false); // placeholder, never sealed
  });
});
