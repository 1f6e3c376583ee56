'use server';
// Admin records page: start a whole-organisation export (a background job; the page shows progress).
import { revalidatePath } from 'next/cache';
import { action, done } from '@/lib/action';
import { startOrgExport } from '@/lib/data/records';
import { ZOrgExportInput } from '@/lib/validation/records';

export const startOrgExportAction = action({ roles: ['ADMIN'], schema: ZOrgExportInput }, async ({ actor, input }) => {
  await startOrgExport(actor, input);
  revalidatePath('/admin/records');
  return done('Export started. It runs in the background: its progress is shown below.');
});
