// "Now" for the service-level clock on pages. In end-to-end tests (CLEARANCE_TEST_CLOCK=1, set only
// by scripts/e2e-server.ts) a test may move it with the clearance-test-now cookie instead of waiting
// for days to pass; everywhere else it is the real time. Only what pages show moves: every stored
// time (submissions, decisions, audit rows) is written with the real clock.
import 'server-only';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';

export const TEST_CLOCK_COOKIE = 'clearance-test-now';

export async function requestNow(): Promise<Date> {
  if (env().CLEARANCE_TEST_CLOCK !== '1') return new Date();
  const raw = (await cookies()).get(TEST_CLOCK_COOKIE)?.value;
  const t = raw ? Date.parse(decodeURIComponent(raw)) : Number.NaN;
  return Number.isNaN(t) ? new Date() : new Date(t);
}
