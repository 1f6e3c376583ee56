'use server';
// Admin actions on restricted-party lists, built with the one pipeline (lib/action.ts): authorize →
// validate → data layer (which checks the role and that the version is a draft again) → revalidate.
// The file itself streams to the upload route.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action, doneWith, formAction } from '@/lib/action';
import type { TActionState } from '@/lib/action-state';
import { applyListUpload, startListImport } from '@/lib/data/party-lists';
import { AppError } from '@/lib/errors';
import { zId } from '@/lib/validation/ids';
import { ZListUpload } from '@/lib/validation/rules';

export type TStartUpload = TActionState<{ jobId: string }>;

/** Step 1 of an upload: validates the form (draftId, format, asOf, fileName, size) and opens the LIST_IMPORT job the page then follows. */
const ZStartUpload = ZListUpload.extend({ draftId: zId('draft') });

export const startUploadAction = action<typeof ZStartUpload, { jobId: string }>(
  { roles: ['ADMIN'], schema: ZStartUpload },
  async ({ actor, input: { draftId, ...upload } }) => {
    const { jobId } = await startListImport(actor, draftId, upload);
    return doneWith({ jobId });
  },
);

export const applyUploadAction = formAction(
  { roles: ['ADMIN'], schema: z.object({ draftId: zId('draft'), jobId: zId('upload') }) },
  async ({ actor, input: { draftId, jobId } }) => {
    let error: string | null = null;
    try {
      await applyListUpload(actor, draftId, jobId);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      error = err.message;
    }
    revalidatePath('/admin', 'layout');
    redirect(`/admin/lists?upload=${encodeURIComponent(jobId)}${error ? `&error=${encodeURIComponent(error)}` : '&applied=1'}`);
  },
);
