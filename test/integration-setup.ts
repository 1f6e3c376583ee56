// Runs in each integration test file before it is imported: point lib/db at the run's database.
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
