import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { TDecisionRecord } from '@/lib/data/cases';
import type { TFinding } from '@/lib/screening/types';
import { renderDecisionRecord } from './decision-record';

const finding = (i: number, message: string): TFinding => ({
  ruleId: `rule.${i}`,
  kind: 'PARTY_MATCH',
  outcome: i === 0 ? 'LICENSE_REQUIRED' : 'REVIEW',
  basis: 'LAW',
  citation: '15 CFR 744.11; Supp. No. 4 to Part 744',
  licensePolicy: 'Presumption of denial',
  message,
  evidence: {},
});

function record(findings: TFinding[]): TDecisionRecord {
  const at = new Date('2026-11-27T10:00:00Z');
  return {
    id: 'c1',
    reference: 'CLR-2026-000042',
    status: 'APPROVED',
    outcome: 'LICENSE_REQUIRED',
    submittedAt: at,
    decidedAt: at,
    data: {
      product: { name: 'Камера “Север” ≥ 4K', description: 'd', eccn: '3A981', kind: 'HARDWARE', quantity: 2, unitValueUsd: 1200, biometric: null },
      destination: { country: 'BR', region: null },
      endUser: { name: 'Construtora Horizonte Ltda', country: 'BR', address: 'São Paulo', type: 'COMMERCIAL' },
      consignees: [],
      endUse: { category: 'OTHER', description: 'Inspection' },
      redFlags: [],
    },
    organization: { name: 'Demo Exporter Inc.', country: 'US' },
    submittedBy: { name: 'Erin', email: 'e@x.test' },
    screeningRuns: [],
    decisions: [],
    lineItems: [
      {
        position: 0,
        productName: 'Камера “Север” ≥ 4K',
        kind: 'HARDWARE',
        eccn: '3A981',
        quantity: 2,
        unitValueUsd: 1200,
        outcome: 'LICENSE_REQUIRED',
        decision: {
          type: 'APPROVE',
          licenseReference: 'D1234567',
          licenseExpiresAt: new Date('2031-06-30T23:59:59Z'),
          conditions: 'No re-export',
          reason: null,
        },
      },
      {
        position: 1,
        productName: 'Mounting kit',
        kind: 'HARDWARE',
        eccn: 'EAR99',
        quantity: 2,
        unitValueUsd: 40,
        outcome: 'CLEAR',
        decision: { type: 'DENY', reason: 'Not needed', licenseReference: null, licenseExpiresAt: null, conditions: null },
      },
    ],
    latestRun: { outcome: 'LICENSE_REQUIRED', findings, createdAt: at, ruleSetVersion: { label: '2026-11-27.1', datasets: [] } },
    decision: {
      type: 'APPROVE',
      note: 'internal only',
      conditions: 'No re-export',
      reason: null,
      licenseReference: 'D1234567',
      licenseExpiresAt: new Date('2031-06-30T23:59:59Z'),
      createdAt: at,
      requiresCountersignature: true,
      countersignedAt: at,
      officer: { name: 'Olivia', email: 'o@x.test' },
      countersignedBy: { name: 'Omar', email: 'o2@x.test' },
    },
    forExporter: true,
  } as unknown as TDecisionRecord;
}

describe('renderDecisionRecord', () => {
  it('renders a PDF from text the standard font cannot encode (no crash)', async () => {
    const bytes = await renderDecisionRecord(record([finding(0, 'The end user «Ромашка» matches an alias ≈ 0.93')]));
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Decision record CLR-2026-000042');
  });

  it('never exceeds two pages, however many findings', async () => {
    const many = Array.from({ length: 200 }, (_, i) => finding(i, `Finding number ${i} `.repeat(8)));
    const doc = await PDFDocument.load(await renderDecisionRecord(record(many)));
    expect(doc.getPageCount()).toBe(2);
  });
});
