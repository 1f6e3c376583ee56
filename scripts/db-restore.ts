// npm run db:restore -- FILE [--force] — restores a backup made by db:backup into the database
// DATABASE_URL names (or the embedded one). Refuses a database that holds any rows unless --force
// (which replaces its contents). Runs pending migrations and ends by verifying the audit chain.
// Exit 0 restored and verified; 1 failed; 2 usage; 3 refused (target not empty, or backup too new).
import { restoreDatabase, RestoreRefused } from '@/lib/records/restore';

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const force = args.includes('--force');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1 || args.some((a) => a.startsWith('--') && a !== '--force')) {
    console.error('usage: npm run db:restore -- FILE [--force]');
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (run through npm run db:restore, which starts the embedded server when needed).');
  try {
    const result = await restoreDatabase(url, files[0]!, { force, log: (line) => console.error(line) });
    console.error(
      `Restored ${result.tables} table(s), ${result.rows} row(s) in ${(result.ms / 1000).toFixed(1)} s; ` +
        `${result.pendingMigrations} pending migration(s) applied.`,
    );
    console.log(`Audit chain intact: ${result.auditRows} row(s) verified.`);
    return 0;
  } catch (err) {
    if (err instanceof RestoreRefused) {
      console.error(`Restore REFUSED: ${err.message}`);
      return 3;
    }
    throw err;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`Restore FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
