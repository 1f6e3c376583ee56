// The service-level settings in force until an admin saves their own: working-day targets per
// screening outcome and the US federal holidays (observed dates) for 2026 and 2027.
import type { TSlaTargets } from './working-days';

export const DEFAULT_SLA_TARGETS: TSlaTargets = { CLEAR: 5, REVIEW: 10, LICENSE_REQUIRED: 30, PROHIBITED: 10 };

export const DEFAULT_HOLIDAYS: readonly string[] = [
  '2026-01-01',
  '2026-01-19',
  '2026-02-16',
  '2026-05-25',
  '2026-06-19',
  '2026-07-03',
  '2026-09-07',
  '2026-10-12',
  '2026-11-11',
  '2026-11-26',
  '2026-12-25',
  '2027-01-01',
  '2027-01-18',
  '2027-02-15',
  '2027-05-31',
  '2027-06-18',
  '2027-07-05',
  '2027-09-06',
  '2027-10-11',
  '2027-11-11',
  '2027-11-25',
  '2027-12-24',
];
