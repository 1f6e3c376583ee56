// Input of the "new API key" form (admin).
import { z } from 'zod';
import { safeString } from '@/lib/validation/fields';

export const ZApiKeyInput = z.object({
  name: safeString('Key name', { error: 'Name the key' }).trim().min(2, 'Name the key (e.g. "SAP production")').max(100, 'At most 100 characters'),
  actingUserId: z.string({ error: 'Choose the exporter the key acts as' }).min(1, 'Choose the exporter the key acts as'),
});
export type TApiKeyInput = z.infer<typeof ZApiKeyInput>;
