// Vitest global setup for *.integration.test.ts: one fresh database for the run.
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from './database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const database = await prepareDatabase(process.env.INTEGRATION_DATABASE ?? 'clearance_integration', { demoUsers: false, quiet: true });
  console.log(`[integration] database ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${database.url.replace(/:[^:@/]*@/, ':***@')}`);
  project.provide('databaseUrl', database.url);
  return async () => {
    await database.stop();
  };
}
