// The app's validated configuration (auth, login and API limits, …). Validated lazily (next build
// evaluates modules without a runtime environment), once per process. Not the only reader of
// process.env: code that also runs outside the app — lib/db.ts (DATABASE_URL, DB_POOL_SIZE), the
// embedded PostgreSQL helpers, the job runner and jobs (CLEARANCE_JOB_RUNNER, RESCREEN_BATCH_SIZE),
// lib/records — reads its own variables, so scripts and tests need not satisfy this schema.
// New app-only settings belong here; README's environment table lists every variable.
import { z } from 'zod';

const ZEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL')
      .optional(),
    NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters').optional(),
    NEXTAUTH_URL: z.url().optional(),
    DEMO_PASSWORD: z.string().min(8).optional(),
    LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(10),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(10),
    // How many reverse proxies (load balancers) stand in front of the app: the client address is the
    // X-Forwarded-For entry that many places from the end. 0 = Next's own view of the socket.
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
    // The admin records page warns when the last `npm run db:backup` is older than this.
    BACKUP_MAX_AGE_HOURS: z.coerce.number().positive().default(24),
    // End-to-end tests only (scripts/e2e-server.ts sets it): pages read "today" for the service-level
    // clock from the clearance-test-now cookie (lib/clock.ts), so a test can jump days ahead. It
    // changes what the clock shows, never a stored time. Never set it on a real deployment.
    CLEARANCE_TEST_CLOCK: z.enum(['0', '1']).default('0'),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && env.NODE_ENV === 'production' && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_SECRET'], message: 'NEXTAUTH_SECRET is required in production (openssl rand -base64 48)' });
    }
  });

export type TEnv = z.infer<typeof ZEnv>;
let cached: TEnv | null = null;

export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}
