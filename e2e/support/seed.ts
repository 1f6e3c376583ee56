// Seeds a submitted case in the e2e database through the data layer (see seed-case.ts), so a spec
// can start from a screened case without clicking through the exporter's form.
import { execFileSync } from 'node:child_process';

export type TSeedOptions = {
  exporter?: string;
  eccn?: string | null;
  country?: string;
  endUserName?: string;
  productName?: string;
  /** one intermediate consignee (in CN unless consigneeCountry) */
  consignee?: string;
  consigneeCountry?: string;
};

export function seedCase(options: TSeedOptions = {}): { id: string; reference: string; outcome: string } {
  const out = execFileSync('npx', ['tsx', '--conditions=react-server', 'e2e/support/seed-case.ts', JSON.stringify(options)], {
    encoding: 'utf8',
    env: process.env,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { id: string; reference: string; outcome: string };
}

/** Puts the seed's rule-set version back in force (after a spec that published other versions). */
export function restoreSeedVersion(): void {
  execFileSync('npx', ['tsx', '--conditions=react-server', 'e2e/support/restore-seed-version.ts'], { encoding: 'utf8', env: process.env });
}
