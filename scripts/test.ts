// `npm test`: everything CI runs, in order — typecheck, lint, format, unit, integration (real PostgreSQL), e2e
// (real Chromium against the production build). Ends with one "N passed, N failed" line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bin } from './lib/run';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clearance-test-'));

type TCounts = { passed: number; failed: number; skipped: number; failures?: string[] };
type TStep = { name: string; command: string; args: string[]; env?: Record<string, string>; counts?: () => TCounts };

type TVitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string; failureMessages?: string[] }[] }[];
};

function vitestCounts(file: string) {
  return (): TCounts => {
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as TVitestReport;
    // named in the summary, so a failure is visible at the end of a long CI log
    const failures = r.testResults.flatMap((f) =>
      f.assertionResults
        .filter((a) => a.status === 'failed')
        .map((a) => `${path.relative(process.cwd(), f.name)} › ${a.fullName}\n      ${(a.failureMessages?.[0] ?? '').split('\n')[0]}`),
    );
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests, failures };
  };
}

function playwrightCounts(file: string) {
  return () => {
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
  };
}

const steps: TStep[] = [
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit'] },
  { name: 'lint', command: bin('eslint'), args: ['.', '--max-warnings=0'] },
  // one format for the whole project (.prettierrc); `npm run format` applies it
  { name: 'format', command: bin('prettier'), args: ['--check', '.', '--log-level=warn'] },
  {
    name: 'unit',
    command: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${tmp}/unit.json`],
    counts: vitestCounts(`${tmp}/unit.json`),
  },
  {
    name: 'integration',
    command: bin('vitest'),
    args: ['run', '-c', 'vitest.integration.config.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${tmp}/integration.json`],
    counts: vitestCounts(`${tmp}/integration.json`),
  },
  { name: 'build', command: bin('next'), args: ['build'] },
  {
    name: 'e2e',
    command: bin('playwright'),
    args: ['test'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${tmp}/e2e.json` },
    counts: playwrightCounts(`${tmp}/e2e.json`),
  },
];

function exec(step: TStep): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...step.env } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main() {
  if ((only.length === 0 || only.includes('e2e')) && !fs.existsSync(chromium)) {
    console.error(
      `Chromium not found at ${chromium}. The end-to-end tests drive Debian's Chromium:\n  sudo apt-get install -y chromium\nor point CHROMIUM_PATH at another Chromium/Chrome binary.`,
    );
    process.exit(1);
  }
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const summary: string[] = [];
  const failures: string[] = [];
  for (const step of steps) {
    if (only.length && !only.includes(step.name)) continue;
    const started = Date.now();
    console.log(`\n━━ ${step.name} ━━`);
    const code = await exec(step);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    let counts: TCounts = { passed: 0, failed: code === 0 ? 0 : 1, skipped: 0 };
    if (step.counts) {
      try {
        counts = step.counts();
        if (code !== 0 && counts.failed === 0) counts.failed = 1; // crashed outside a test
      } catch {
        /* no report: judged by exit code */
      }
    }
    for (const f of counts.failures ?? []) failures.push(`  ${step.name}: ${f}`);
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
    summary.push(
      `  ${step.name.padEnd(12)} ${code === 0 ? 'ok    ' : 'FAILED'} ${step.counts ? `${counts.passed} passed, ${counts.failed} failed` : ''} (${seconds} s)`,
    );
    if (code !== 0) break;
  }
  console.log(`\n${summary.join('\n')}\n`);
  if (failures.length) console.log(`Failed:\n${failures.join('\n')}\n`);
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

main();
