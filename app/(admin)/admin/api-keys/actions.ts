'use server';
// Admin actions on API keys, built with the one pipeline (lib/action.ts). The new key is returned
// once, in the success state's data; only its hash is stored.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action, doneWith, formAction } from '@/lib/action';
import type { TActionState } from '@/lib/action-state';
import { createApiKey, revokeApiKey } from '@/lib/data/api-keys';
import { ZApiKeyInput } from '@/lib/validation/api-key';
import { zId } from '@/lib/validation/ids';

const roles: 'ADMIN'[] = ['ADMIN'];

export type TNewApiKey = { key: string; name: string };
export type TApiKeyFormState = TActionState<TNewApiKey>;

export const createApiKeyAction = action<typeof ZApiKeyInput, TNewApiKey>(
  { roles, schema: ZApiKeyInput, invalidMessage: '' }, // the field errors say it all
  async ({ actor, input }) => {
    const { key } = await createApiKey(actor, input);
    revalidatePath('/admin/api-keys');
    return doneWith({ key, name: input.name });
  },
);

export const revokeApiKeyAction = formAction({ roles, schema: z.object({ id: zId('API key') }) }, async ({ actor, input }) => {
  await revokeApiKey(actor, input.id);
  revalidatePath('/admin/api-keys');
});
