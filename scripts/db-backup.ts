// npm run db:backup -- [FILE] — a consistent, compressed backup of the whole database (the one
// DATABASE_URL names, or the embedded one) while the app keeps serving. Records the backup in
// BackupRecord (the admin records page warns when backups stop). The last line printed is the
// file's path, so cron jobs and scripts can pick it up: FILE=$(npm run --silent db:backup | tail -1)
import { backupDatabase, recordBackup } from '@/lib/records/backup';

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.some((a) => a === '-h' || a === '--help') || args.length > 1) {
    console.error('usage: npm run db:backup -- [FILE]   (default backups/<time>-<schema version>.clearance-backup.zip)');
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (run through npm run db:backup, which starts the embedded server when needed).');
  const result = await backupDatabase(url, { file: args[0], log: (line) => console.error(line) });
  await recordBackup(url, result);
  const rows = result.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.error(
    `Backup of ${result.manifest.tables.length} table(s), ${rows} row(s) at schema ${result.manifest.schemaVersion}: ` +
      `${(result.bytes / 1024 / 1024).toFixed(1)} MB in ${(result.ms / 1000).toFixed(1)} s (sha256 ${result.sha256}).`,
  );
  console.log(result.file);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`Backup FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
