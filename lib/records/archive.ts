// Small helpers shared by the backup, restore and bundle code: zip reading on top of yauzl, a
// hashing/counting pass-through, and the schema version (last applied Prisma migration).
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import type pg from 'pg';
import { MIGRATIONS_TABLE } from '@/prisma/engine/migrations-table.mjs';

/** Counts bytes and newlines and hashes what passes through (COPY text format: one row per line). */
export class Tally extends Transform {
  bytes = 0;
  lines = 0;
  private hash = createHash('sha256');
  _transform(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null, data?: Buffer) => void) {
    this.bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.lines += 1;
    this.hash.update(chunk);
    done(null, chunk);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

export type TZip = { entries: Map<string, yauzl.Entry>; open: (name: string) => Promise<Readable>; read: (name: string) => Promise<Buffer>; close: () => void };

function collect(zip: yauzl.ZipFile): Promise<TZip> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entries.has(entry.fileName)) return reject(new Error(`The archive holds ${entry.fileName} twice.`));
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('error', reject);
    zip.once('end', () => {
      const open = (name: string) =>
        new Promise<Readable>((res, rej) => {
          const entry = entries.get(name);
          if (!entry) return rej(new Error(`The archive has no ${name}.`));
          zip.openReadStream(entry, (err, stream) => (err ? rej(err) : res(stream)));
        });
      const read = async (name: string) => {
        const chunks: Buffer[] = [];
        for await (const chunk of await open(name)) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      };
      resolve({ entries, open, read, close: () => zip.close() });
    });
    zip.readEntry();
  });
}

export function openZipFile(file: string): Promise<TZip> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (err, zip) =>
      err ? reject(err) : collect(zip).then(resolve, reject),
    ),
  );
}

export function openZipBuffer(buffer: Buffer): Promise<TZip> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (err, zip) =>
      err ? reject(err) : collect(zip).then(resolve, reject),
    ),
  );
}

/** Applied Prisma migrations, oldest first. */
export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const exists = await client.query(`SELECT to_regclass($1) AS t`, [quoteIdent(MIGRATIONS_TABLE)]);
  if (!exists.rows[0]?.t) return [];
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM ${quoteIdent(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
