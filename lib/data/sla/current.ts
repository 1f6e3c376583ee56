// The service-level settings in force: the latest saved version, else the defaults (lib/sla/defaults).
import 'server-only';
import { z } from 'zod';
import { db, type TDb, type TTx } from '@/lib/db';
import { DEFAULT_HOLIDAYS, DEFAULT_SLA_TARGETS } from '@/lib/sla/defaults';
import type { TSlaCalendar, TSlaTargets } from '@/lib/sla/working-days';

export type TSlaSettings = {
  version: number | null;
  targets: TSlaTargets;
  calendar: TSlaCalendar;
  note: string | null;
  savedAt: Date | null;
  savedBy: string | null;
};

const ZTargets = z.object({ CLEAR: z.number().int().positive(), REVIEW: z.number().int().positive(), LICENSE_REQUIRED: z.number().int().positive(), PROHIBITED: z.number().int().positive() });
const ZHolidays = z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/));

/** The settings in force. A stored version that cannot be read fails loudly (never a silent default). */
export async function getSlaSettings(client: TDb | TTx = db): Promise<TSlaSettings> {
  const latest = await client.slaSettings.findFirst({ orderBy: { version: 'desc' }, select: { version: true, targets: true, holidays: true, note: true, createdAt: true, createdBy: { select: { name: true } } } });
  if (!latest) return { version: null, targets: DEFAULT_SLA_TARGETS, calendar: { holidays: DEFAULT_HOLIDAYS }, note: null, savedAt: null, savedBy: null };
  return {
    version: latest.version,
    targets: ZTargets.parse(latest.targets),
    calendar: { holidays: ZHolidays.parse(latest.holidays) },
    note: latest.note,
    savedAt: latest.createdAt,
    savedBy: latest.createdBy?.name ?? null,
  };
}

