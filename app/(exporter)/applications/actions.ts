'use server';
// Exporters' server actions, built with the one pipeline (lib/action.ts): authorize → validate →
// data layer → revalidate/redirect. They return TActionState, never Prisma rows.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action, done, doneWith, invalid } from '@/lib/action';
import type { TActionState } from '@/lib/action-state';
import { answerQuestion, lookupEccn, saveDraft, submitAndScreen } from '@/lib/data/applications';
import { copyApplication, deleteDraft, withdrawApplication } from '@/lib/data/application-lifecycle';
import { applicationFromFormData, fieldErrors, ZApplicationInput } from '@/lib/validation/application';
import { zId, zOptionalId, zVersion } from '@/lib/validation/ids';

export type TSaved = { version: number; savedAt: string };
export type TSaveState = TActionState<TSaved>;

/** ECCNs the schema accepted in form but that are not on the CCL, keyed like the schema's errors. */
async function eccnProblems(items: { eccn: string | null }[], schemaErrors: Record<string, string[]>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  await Promise.all(
    items.map(async (item, i) => {
      const key = `lineItems.${i}.eccn`;
      if (schemaErrors[key]?.length || !item.eccn?.trim()) return;
      const check = await lookupEccn(item.eccn);
      if (!check.known) out[key] = [check.message ?? 'This ECCN is not on the Commerce Control List'];
    }),
  );
  return out;
}

const problems = (count: number) => (count === 1 ? 'There is 1 problem with this application.' : `There are ${count} problems with this application.`);

/** The envelope of the application form; the application itself is read by applicationFromFormData. */
const ZSaveEnvelope = z.object({
  id: zOptionalId('application'),
  // A version that is not a positive whole number is no version (a new draft, or a tampered form).
  version: z.preprocess((v) => {
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  }, z.number().optional()),
  intent: z.string().optional(),
  // The new-application form's one-time token (a UUID): a double submit finds the first one's application.
  submissionToken: z.preprocess((v) => (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v.toLowerCase() : undefined), z.string().optional()),
});

/** "Save draft" (intent=draft, partial data, version-checked) or "Submit application" (intent=submit). */
export const saveApplication = action<typeof ZSaveEnvelope, TSaved>(
  { roles: ['EXPORTER'], schema: ZSaveEnvelope, notFoundPage: true },
  async ({ actor, input: { id, version: expectedVersion, intent, submissionToken: token }, values, formData }) => {
    const data = applicationFromFormData(formData);
    const submissionToken = id ? undefined : token;

    if (intent !== 'submit') {
      const saved = await saveDraft({ actor, id, expectedVersion, data, submissionToken });
      revalidatePath('/applications');
      if (!id) redirect(`/applications/${saved.id}/edit?saved=1`);
      return doneWith({ version: saved.version, savedAt: new Date().toISOString() });
    }

    const parsed = ZApplicationInput.safeParse(data);
    if (!parsed.success) {
      // Report an ECCN that is not on the CCL together with every other error, not one round later
      // (submitAndScreen checks it again, against the rule set it screens with).
      const errors = fieldErrors(parsed.error);
      Object.assign(errors, await eccnProblems(data.lineItems, errors));
      return invalid(errors, values, problems);
    }
    const submitted = await submitAndScreen({ actor, id, expectedVersion, input: parsed.data, submissionToken });
    revalidatePath('/applications');
    redirect(`/applications/${submitted.id}`);
  },
);

const ZAnswer = z.object({ id: zId('application'), body: z.string().default('') });

/** The exporter answers the officer's open question (the data layer validates the text). */
export const answerQuestionAction = action(
  { roles: ['EXPORTER'], schema: ZAnswer, notFoundPage: true, invalidMessage: 'Reload the page and try again.' },
  async ({ actor, input: { id, body } }) => {
    await answerQuestion({ actor, id, body });
    revalidatePath(`/applications/${id}`);
    return done('Answer sent.');
  },
);

const ZWithdraw = z.object({ id: zId('application'), version: zVersion, reason: z.string().default('') });

/** Withdraw a submitted application before a decision, with a reason (the data layer checks it). */
export const withdrawApplicationAction = action(
  { roles: ['EXPORTER'], schema: ZWithdraw, notFoundPage: true, invalidMessage: 'Reload the page and try again.' },
  async ({ actor, input: { id, version, reason } }) => {
    await withdrawApplication({ actor, id, expectedVersion: version, reason });
    revalidatePath('/applications');
    redirect(`/applications/${id}`);
  },
);

const ZDeleteDraft = z.object({ id: zId('application'), version: zVersion });

/** Delete a draft that was never submitted. */
export const deleteDraftAction = action(
  { roles: ['EXPORTER'], schema: ZDeleteDraft, notFoundPage: true, invalidMessage: 'Reload the page and try again.' },
  async ({ actor, input: { id, version } }) => {
    await deleteDraft({ actor, id, expectedVersion: version });
    revalidatePath('/applications');
    redirect('/applications?deleted=1');
  },
);

const ZCopy = z.object({ id: zId('application') });

/** Copy any application into a new draft that references it, and open the copy for editing. */
export const copyApplicationAction = action(
  { roles: ['EXPORTER'], schema: ZCopy, notFoundPage: true, invalidMessage: 'Reload the page and try again.' },
  async ({ actor, input: { id } }) => {
    const copy = await copyApplication({ actor, id });
    revalidatePath('/applications');
    redirect(`/applications/${copy.id}/edit?copied=1`);
  },
);
