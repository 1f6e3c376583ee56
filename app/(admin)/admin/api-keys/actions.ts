'use server';
import { revalidatePath } from 'next/cache';
import { requireRole } from '@/lib/authz';
import { createApiKey, revokeApiKey } from '@/lib/data/api-keys';
import { isAppError } from '@/lib/errors';
import { fieldErrors } from '@/lib/validation/application';
import { ZApiKeyInput } from '@/lib/validation/api-key';

export type TApiKeyFormState =
  | { status: 'idle' }
  | { status: 'error'; message?: string; fieldErrors?: Record<string, string[]>; values: Record<string, string> }
  | { status: 'created'; key: string; name: string };

export async function createApiKeyAction(_prev: TApiKeyFormState, formData: FormData): Promise<TApiKeyFormState> {
  const actor = await requireRole('ADMIN');
  const values = { name: String(formData.get('name') ?? ''), actingUserId: String(formData.get('actingUserId') ?? '') };
  const parsed = ZApiKeyInput.safeParse(values);
  if (!parsed.success) return { status: 'error', fieldErrors: fieldErrors(parsed.error), values };
  try {
    const { key } = await createApiKey(actor, parsed.data);
    revalidatePath('/admin/api-keys');
    return { status: 'created', key, name: parsed.data.name };
  } catch (err) {
    if (isAppError(err)) return { status: 'error', message: err.message, values };
    throw err;
  }
}

export async function revokeApiKeyAction(formData: FormData): Promise<void> {
  const actor = await requireRole('ADMIN');
  await revokeApiKey(actor, String(formData.get('id') ?? ''));
  revalidatePath('/admin/api-keys');
}
