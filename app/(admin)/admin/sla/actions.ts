'use server';
// The admin's service-level settings action (lib/action.ts): authorize → validate
// (lib/validation/sla.ts) → data layer (lib/data/sla/settings.ts checks the role again, writes a
// new version and its audit row and re-dates the open cases in one transaction) → revalidate.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action, done } from '@/lib/action';
import { saveSlaSettings } from '@/lib/data/sla/settings';
import { formatCount } from '@/lib/format';
import { ZSlaSettingsInput } from '@/lib/validation/sla';

const ZSlaSettingsForm = ZSlaSettingsInput.extend({
  // The version the admin was looking at (blank: the built-in defaults): a concurrent change is refused.
  expectedVersion: z.preprocess((v) => (v === '' || v == null ? null : v), z.coerce.number().int().min(1).nullable()),
});

export const saveSlaSettingsAction = action({ roles: ['ADMIN'], schema: ZSlaSettingsForm }, async ({ actor, input }) => {
  const { expectedVersion, ...settings } = input;
  const saved = await saveSlaSettings({ actor, input: settings, expectedVersion });
  revalidatePath('/admin/sla');
  revalidatePath('/cases');
  revalidatePath('/dashboard');
  return done(`Version ${saved.version} is in force; ${formatCount(saved.refreshed, 'open case')} re-dated.`);
});
