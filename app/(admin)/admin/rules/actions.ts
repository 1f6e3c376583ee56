'use server';
// Admin actions on rule-set versions, built with the one pipeline (lib/action.ts): authorize →
// validate (lib/validation/rules.ts) → data layer (lib/data/admin-rulesets.ts, which checks the role
// and that the version is a draft again, inside its transaction) → revalidate. Errors come back as
// TActionState with every field's errors and everything that was typed.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action, done, formAction, invalid } from '@/lib/action';
import { requireRole } from '@/lib/authz';
import { createDraft, getVersionDetail, publishDraft, ruleContextOf, startImpactPreview, updateDraftCountry, updateDraftRule } from '@/lib/data/admin-rulesets';
import { AppError } from '@/lib/errors';
import { zId } from '@/lib/validation/ids';
import { ZPublishDraft, parseCountryEdit, parseRuleEdit } from '@/lib/validation/rules';

const roles: 'ADMIN'[] = ['ADMIN'];
const versionId = zId('version');

export async function createDraftAction(): Promise<void> {
  const user = await requireRole(...roles);
  let draftId: string;
  try {
    ({ id: draftId } = await createDraft(user));
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONFLICT') redirect('/admin/rules?view=draft');
    throw err;
  }
  revalidatePath('/admin', 'layout');
  redirect(`/admin/rules?version=${draftId}`);
}

// The rule's parameters are named after its params (parseRuleEdit reads them from the values).
export const updateRuleAction = action({ roles, schema: z.looseObject({ versionId, ruleId: zId('rule') }) }, async ({ actor, input, values }) => {
  const version = await getVersionDetail(actor, input.versionId);
  const rule = version.rules.find((r) => r.id === input.ruleId);
  if (!rule) return { status: 'error', message: 'This rule is not in the version any more. Reload the page.', fieldErrors: {}, values };
  const parsed = parseRuleEdit(rule, values, ruleContextOf(version.countries));
  if (!parsed.ok) return invalid(parsed.fieldErrors, values, 'Some parameters need attention; nothing was saved.');
  await updateDraftRule(actor, { versionId: input.versionId, ruleId: input.ruleId, enabled: parsed.enabled, params: parsed.params });
  revalidatePath('/admin/rules');
  return done('Saved in the draft. Screening is unchanged until the draft is published.');
});

export const updateCountryAction = action({ roles, schema: z.looseObject({ versionId }) }, async ({ actor, input, values }) => {
  const version = await getVersionDetail(actor, input.versionId);
  const parsed = parseCountryEdit(values, ruleContextOf(version.countries));
  if (!parsed.ok) return invalid(parsed.fieldErrors, values, 'Some fields need attention; nothing was saved.');
  await updateDraftCountry(actor, input.versionId, parsed.data);
  revalidatePath('/admin/rules');
  return done('Country data saved in the draft.');
});

export const startImpactPreviewAction = formAction({ roles, schema: z.object({ versionId }) }, async ({ actor, input }) => {
  await startImpactPreview(actor, input.versionId);
  revalidatePath('/admin/rules');
});

export const publishDraftAction = action(
  { roles, schema: ZPublishDraft.extend({ versionId }), invalidMessage: 'Add a change note before publishing.' },
  async ({ actor, input }) => {
    await publishDraft(actor, input.versionId, input.note);
    revalidatePath('/', 'layout');
    redirect('/admin/rules?published=1');
  },
);
