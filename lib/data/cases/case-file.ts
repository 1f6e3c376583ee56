// The officer's case file: the application, its screening runs, decisions, notes, messages and audit trail.
import { findingsOf } from '@/lib/data/json';
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { lineItemResults } from '@/lib/screening/line-items';
import { requireOfficer } from './shared';

export async function getCaseForOfficer(actor: TActor, id: string) {
  requireOfficer(actor);
  const app = await db.application.findFirst({
    where: { id, status: { not: 'DRAFT' } },
    select: {
      id: true, reference: true, status: true, outcome: true, severity: true, outcomeChanged: true, version: true, data: true,
      productName: true, destinationCountry: true, submittedAt: true, decidedAt: true, createdAt: true, updatedAt: true,
      submittedById: true,
      organization: { select: { id: true, name: true, country: true } },
      submittedBy: { select: { id: true, name: true, email: true } },
      assignedTo: { select: { id: true, name: true } },
      withdrawnAt: true, withdrawalReason: true,
      copiedFrom: { select: { id: true, reference: true } },
      lineItems: { orderBy: { position: 'asc' }, select: { id: true, position: true, productName: true, description: true, eccn: true, kind: true, quantity: true, unitValueUsd: true, biometric: true } },
      screeningRuns: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, outcome: true, previousOutcome: true, findings: true, trigger: true, createdAt: true, ruleSetVersion: { select: { id: true, label: true, datasets: true } } },
      },
      decisions: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true, type: true, note: true, conditions: true, reason: true, message: true, licenseReference: true, licenseExpiresAt: true, lineItemPosition: true,
          requiresCountersignature: true, countersignedAt: true, countersignNote: true, createdAt: true,
          officer: { select: { id: true, name: true } }, countersignedBy: { select: { id: true, name: true } },
        },
      },
      notes: { orderBy: { createdAt: 'asc' }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
      messages: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true, role: true } } } },
    },
  });
  if (!app) throw new AppError('NOT_FOUND', 'Case not found.');
  const audit = await db.auditEvent.findMany({
    where: { entityType: 'Application', entityId: id },
    orderBy: { seq: 'asc' },
    select: { seq: true, createdAt: true, action: true, actorEmail: true, data: true },
  });
  const screeningRuns = app.screeningRuns.map((r) => ({ ...r, findings: findingsOf(r.findings) }));
  const latest = screeningRuns.at(-1);
  const outcomes = latest ? lineItemResults(latest.findings, app.lineItems.length) : [];
  const lineItems = app.lineItems.map((i) => ({
    ...i,
    quantity: Number(i.quantity),
    unitValueUsd: Number(i.unitValueUsd),
    outcome: outcomes[i.position]?.outcome ?? null,
    findings: latest ? latest.findings.filter((f) => f.lineItem === i.position) : [],
    decision: app.decisions.filter((d) => d.lineItemPosition === i.position).at(-1) ?? null,
  }));
  return { ...app, lineItems, screeningRuns, audit };
}

export type TCaseFile = Awaited<ReturnType<typeof getCaseForOfficer>>;
