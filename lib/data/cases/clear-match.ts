// Clearing a party match as a false positive, then re-screening the case in the same transaction.
import 'server-only';
import { findingsOf } from '@/lib/data/json';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { noteLocalChange } from '@/lib/data/change-feed';
import { AppError } from '@/lib/errors';
import { partyMatchEvidence } from '@/lib/cases/findings';
import { STATUS_LABEL } from '@/lib/labels';
import { normaliseName } from '@/lib/screening/names/normalise';
import type { TClearMatchInput } from '@/lib/validation/decision';
import { requireOfficer, loadCaseAtVersion, CLEARABLE_STATUSES } from './shared';
import { rescreenInTx } from './rescreen';

/**
 * Marks a party hit on the case's latest screening as a false positive for that list entry (at its
 * current content) and that party name, then re-screens the case so the hit shows as cleared.
 * The entry's id and content hash come from the stored finding, never from the form.
 */
export async function clearPartyMatch({ actor, input, ruleSetVersionId }: { actor: TActor; input: TClearMatchInput; ruleSetVersionId?: string }) {
  requireOfficer(actor);
  const { caseId, expectedVersion } = input;
  const result = await db.$transaction(async (tx) => {
    const current = await loadCaseAtVersion(tx, actor, caseId, expectedVersion);
    if (!CLEARABLE_STATUSES.includes(current.status)) {
      throw new AppError('CONFLICT', `This case is ${STATUS_LABEL[current.status].toLowerCase()}; matches can be cleared only on open cases.`);
    }
    const latest = await tx.screeningRun.findFirst({ where: { applicationId: caseId }, orderBy: { createdAt: 'desc' }, select: { findings: true } });
    const hit = findingsOf(latest?.findings)
      .map(partyMatchEvidence)
      .find((e) => e && e.listCode === input.listCode && e.entryId === input.entryId && e.partyName === input.partyName);
    if (!hit) throw new AppError('NOT_FOUND', 'That party match is not on the latest screening of this case. Reload the case.');
    const existing = await tx.clearedMatch.findFirst({
      where: { listCode: hit.listCode, entryExternalId: hit.entryId, entryContentHash: hit.entryContentHash, partyNameKey: normaliseName(hit.partyName).key },
      select: { id: true, revokedAt: true },
    });
    if (existing && !existing.revokedAt) throw new AppError('CONFLICT', 'This match has already been cleared. Reload the case.');
    const data = {
      listCode: hit.listCode,
      entryExternalId: hit.entryId,
      entryContentHash: hit.entryContentHash,
      partyName: hit.partyName,
      partyNameKey: normaliseName(hit.partyName).key,
      justification: input.justification,
      clearedById: actor.id,
      applicationId: caseId,
      revokedAt: null,
    };
    const cleared = existing
      ? await tx.clearedMatch.update({ where: { id: existing.id }, data: { ...data, createdAt: new Date() }, select: { id: true } })
      : await tx.clearedMatch.create({ data, select: { id: true } });
    await appendAudit(tx, {
      actor,
      action: 'MATCH_CLEARED',
      entityType: 'Application',
      entityId: caseId,
      data: { clearedMatchId: cleared.id, listCode: hit.listCode, entryId: hit.entryId, entryContentHash: hit.entryContentHash, partyName: hit.partyName, justification: input.justification },
    });
    const rescreen = await rescreenInTx(tx, { actor, caseId, expectedVersion, ruleSetVersionId, allowed: CLEARABLE_STATUSES });
    return { clearedMatchId: cleared.id, ...rescreen };
  }, { timeout: 60_000 });
  noteLocalChange(); // the cleared matches in force changed (cached with API keys, lib/data/change-feed.ts)
  return result;
}
