// GET /api/v1/applications/:id — a case's status as its organisation may see it: status, outcome,
// the latest screening's findings, each line item's outcome and decision, decisions and open questions. Other organisations' ids: 404.
import { withApiKey } from '@/lib/api';
import { getApplicationForExporter } from '@/lib/data/applications';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return withApiKey(async ({ actor }) => {
    const app = await getApplicationForExporter(actor, id);
    const latest = app.latestRun;
    return Response.json({
      id: app.id,
      reference: app.reference,
      status: app.status,
      outcome: app.outcome,
      submittedAt: app.submittedAt,
      decidedAt: app.decidedAt,
      screening: latest ? { ruleSetVersion: latest.ruleSetLabel, screenedAt: latest.createdAt, datasets: latest.datasets, findings: latest.findings } : null,
      // One entry per line item: its outcome, the findings that concern it alone, and its decision once final.
      lineItems: app.lineItems.map((i) => ({
        position: i.position,
        name: i.name,
        eccn: i.eccn,
        quantity: i.quantity,
        unitValueUsd: i.unitValueUsd,
        outcome: i.outcome,
        findings: i.findings,
        decision: i.decision,
      })),
      decisions: app.decisions.map(({ lineItemPosition: _p, ...d }) => d),
      withdrawnAt: app.withdrawnAt,
      withdrawalReason: app.withdrawalReason,
      messages: app.messages.map((m) => ({ kind: m.kind, body: m.body, createdAt: m.createdAt })),
      openQuestion: app.openQuestion ? { body: app.openQuestion.body, askedAt: app.openQuestion.createdAt } : null,
    });
  })(request);
}
