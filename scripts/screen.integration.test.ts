// The `npm run --silent screen` contract: PRODUCT.md §2 in (file or stdin), §3 out on stdout, exit 0;
// invalid input: exit 2 and every field error on stderr.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const application = {
  product: {
    name: 'FaceFind Enterprise 5',
    description: '1:N face identification',
    eccn: '3A981',
    kind: 'HARDWARE',
    quantity: 4,
    unitValueUsd: 12000,
    biometric: {
      modality: 'FACE',
      matchingMode: 'ONE_TO_MANY',
      maxGallerySize: 10000000,
      liveVideo: true,
      remoteGalleryAccess: true,
      trainingDataConsent: 'UNKNOWN',
    },
  },
  destination: { country: 'RU', region: null },
  endUser: { name: 'City Police Department', country: 'RU', address: 'Moscow', type: 'LAW_ENFORCEMENT' },
  consignees: [],
  endUse: { category: 'PUBLIC_SPACE_SURVEILLANCE', description: 'Crowd monitoring' },
  redFlags: [],
};

const screen = (args: string[], input?: string) =>
  spawnSync('npm', ['run', '--silent', 'screen', '--', ...args], { input, encoding: 'utf8', env: process.env, timeout: 120_000 });

describe('screen CLI', () => {
  it('screens a file against the active rule set and prints the result', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'screen-')), 'app.json');
    fs.writeFileSync(file, JSON.stringify(application));
    const r = screen([file]);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { outcome: string; ruleSetVersion: string; findings: { kind: string; outcome: string; citation: string }[] };
    expect(result.outcome).toBe('PROHIBITED');
    expect(result.findings.some((f) => f.kind === 'BIOMETRIC_POLICY' && f.outcome === 'PROHIBITED')).toBe(true);
    expect(result.findings.some((f) => f.kind === 'EMBARGO' && /746\.8/.test(f.citation))).toBe(true);
  });

  it('takes "exporter": {"country": "DE"} (EU regime) and per-item subjectToEar / euControlCode; default US', () => {
    const { product, ...rest } = application;
    const item = { ...product, biometric: null, eccn: '2B001.a', euControlCode: '2B001.a', subjectToEar: 'NO' };
    const input = {
      ...rest,
      lineItems: [item],
      destination: { country: 'CN', region: null },
      endUser: { name: 'Shenzhen Tooling Co', country: 'CN', address: 'Shenzhen', type: 'COMMERCIAL' },
      endUse: { category: 'OTHER', description: 'Parts production' },
    };
    const de = screen(['-'], JSON.stringify({ ...input, exporter: { country: 'DE' } }));
    expect(de.status, de.stderr).toBe(0);
    const result = JSON.parse(de.stdout) as { outcome: string; findings: { ruleId: string; outcome: string; regime: string }[] };
    expect(result.findings.find((f) => f.ruleId === 'eu.authorisation-art3')).toMatchObject({ outcome: 'LICENSE_REQUIRED', regime: 'EU_2021_821' });
    expect(result.findings.some((f) => f.ruleId === 'licence.country-chart')).toBe(false);
    const us = JSON.parse(screen(['-'], JSON.stringify(input)).stdout) as { findings: { ruleId: string }[] };
    expect(us.findings.some((f) => f.ruleId.startsWith('eu.'))).toBe(false);
    expect(us.findings.some((f) => f.ruleId === 'licence.country-chart')).toBe(true);
    const bad = screen(['-'], JSON.stringify({ ...input, exporter: { country: 'XX' }, lineItems: [{ ...item, euControlCode: '2B999' }] }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/exporter\.country: /);
    expect(bad.stderr).toMatch(/lineItems\.0\.euControlCode: Not a code of Annex I/);
  });

  it('reads stdin with "-" and refuses invalid input with every field error, exit 2', () => {
    const ok = screen(
      ['-'],
      JSON.stringify({ ...application, destination: { country: 'DE', region: null }, endUser: { ...application.endUser, country: 'DE' } }),
    );
    expect(ok.status, ok.stderr).toBe(0);
    const bad = screen(
      ['-'],
      JSON.stringify({ ...application, product: { ...application.product, name: '', quantity: -2 }, destination: { country: 'XX', region: null } }),
    );
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/product\.name: /);
    expect(bad.stderr).toMatch(/product\.quantity: /);
    expect(bad.stderr).toMatch(/destination\.country: /);
    expect(screen(['-'], '{not json').status).toBe(2);
  });

  it('screens several line items: overall worst outcome, lineItem on item findings, lineItems per item; errors at lineItems.N', () => {
    const { product, ...rest } = application;
    const input = {
      ...rest,
      destination: { country: 'BR', region: null },
      endUser: { ...application.endUser, country: 'BR' },
      endUse: { category: 'LAW_ENFORCEMENT_INVESTIGATION', description: 'Investigations' },
      lineItems: [
        { name: 'Spare parts', description: 'Cables and mounts', eccn: 'EAR99', kind: 'HARDWARE', quantity: 10, unitValueUsd: 50, biometric: null },
        { ...product, biometric: { ...product.biometric, trainingDataConsent: 'CONSENTED' } },
      ],
    };
    const r = screen(['-'], JSON.stringify(input));
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as {
      outcome: string;
      findings: { ruleId: string; outcome: string; lineItem?: number }[];
      lineItems: { position: number; outcome: string; findings: unknown[] }[];
    };
    expect(result.lineItems.map((i) => i.position)).toEqual([0, 1]);
    expect(result.lineItems[0]!.outcome).toBe('CLEAR');
    expect(result.lineItems[1]!.outcome).not.toBe('CLEAR');
    expect(result.outcome).toBe(result.lineItems[1]!.outcome);
    expect(result.findings.some((f) => f.ruleId === 'licence.country-chart' && f.lineItem === 1 && f.outcome === 'LICENSE_REQUIRED')).toBe(true);
    const bad = screen(['-'], JSON.stringify({ ...input, lineItems: [input.lineItems[0], { ...input.lineItems[1], name: '' }] }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/lineItems\.1\.name: /);
  });
});
