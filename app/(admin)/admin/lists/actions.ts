'use server';
// Admin actions on restricted-party lists: authorize → validate → data layer (which checks the role
// and that the version is a draft again) → revalidate. The file itself streams to the upload route.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireRole } from '@/lib/authz';
import { applyListUpload, startListImport } from '@/lib/data/party-lists';
import { AppError } from '@/lib/errors';
import { fieldErrors } from '@/lib/validation/application';
import { ZListUpload } from '@/lib/validation/rules';

export type TStartUpload =
  | { ok: true; jobId: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** Step 1 of an upload: validates the form and opens the LIST_IMPORT job the page then follows. */
export async function startUploadAction(input: { draftId: string; format: string; asOf: string; fileName: string; size: number }): Promise<TStartUpload> {
  const user = await requireRole('ADMIN');
  const parsed = ZListUpload.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Some fields need attention.', fieldErrors: fieldErrors(parsed.error) };
  try {
    const { jobId } = await startListImport(user, input.draftId, parsed.data);
    return { ok: true, jobId };
  } catch (err) {
    if (err instanceof AppError) {
      const field = typeof err.details?.field === 'string' ? err.details.field : null;
      return { ok: false, message: err.message, ...(field ? { fieldErrors: { [field]: [err.message] } } : {}) };
    }
    throw err;
  }
}

export async function applyUploadAction(formData: FormData): Promise<void> {
  const user = await requireRole('ADMIN');
  const draftId = String(formData.get('draftId') ?? '');
  const jobId = String(formData.get('jobId') ?? '');
  let error: string | null = null;
  try {
    await applyListUpload(user, draftId, jobId);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    error = err.message;
  }
  revalidatePath('/admin', 'layout');
  redirect(`/admin/lists?upload=${encodeURIComponent(jobId)}${error ? `&error=${encodeURIComponent(error)}` : '&applied=1'}`);
}
