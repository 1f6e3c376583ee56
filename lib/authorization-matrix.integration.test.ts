// The authorization matrix (issue 13), generated from ONE table (test/authorization-table.ts):
// 1. the table lists exactly the pages, route handlers and server actions in app/ — a new one
//    without a row fails here;
// 2. every server action × every role (anonymous, exporter, officer, admin): denied roles are
//    stopped by the pipeline (sign-in redirect or 403) before anything runs; allowed roles get
//    through to validation (their twin);
// 3. the session-authenticated GET route handlers × every role, denied and allowed twins, and the
//    organisation-scoped ones with another organisation's id (404, not the data).
// The session is the real next-auth session lookup with a stubbed cookie: getServerSession returns
// the chosen user, and lib/authz.ts re-reads that user from the database as it does in production.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { submitAndScreen } from '@/lib/data/applications';
import { applicationInput } from '@/test/admin-helpers';
import { createUser } from '@/test/factories';
import { ACTIONS, PAGES, ROUTES, type TWho } from '@/test/authorization-table';
import type { TActor } from '@/lib/authz';

// next.config.js enables experimental.authInterrupts; the build passes it to forbidden() this way.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
vi.mock('server-only', () => ({}));
const session: { user: (TActor & { sessionVersion: number }) | null } = { user: null };
vi.mock('next-auth', async (original) => ({
  ...(await original<typeof import('next-auth')>()),
  getServerSession: async () => (session.user ? { user: session.user } : null),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const ROOT = path.resolve(import.meta.dirname, '..');
function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(path.relative(ROOT, p).split(path.sep).join('/'));
  }
  return out;
}
const files = walk(path.join(ROOT, 'app'));

describe('the table lists everything in app/', () => {
  it('every page.tsx has a row, and every row a page', () => {
    expect(files.filter((f) => f.endsWith('/page.tsx')).sort()).toEqual(Object.keys(PAGES).sort());
  });
  it('every route.ts has a row, and every row a route', () => {
    expect(files.filter((f) => f.endsWith('/route.ts')).sort()).toEqual(Object.keys(ROUTES).sort());
  });
  it('every exported server action has a row, and every row an action', () => {
    const found: string[] = [];
    for (const f of files.filter((x) => x.endsWith('/actions.ts'))) {
      const src = fs.readFileSync(path.join(ROOT, f), 'utf8');
      for (const m of src.matchAll(/^export (?:const|async function|function) (\w+)/gm)) found.push(`${f}#${m[1]}`);
    }
    expect(found.sort()).toEqual(Object.keys(ACTIONS).sort());
  });
});

type TOutcome = 'SIGN_IN' | 'FORBIDDEN' | 'NOT_FOUND' | 'THROUGH';
const digestOf = (err: unknown) => String((err as { digest?: string })?.digest ?? '');
function classify(err: unknown): TOutcome {
  const d = digestOf(err);
  if (d.startsWith('NEXT_REDIRECT') && d.includes('/login')) return 'SIGN_IN';
  if (d === 'NEXT_HTTP_ERROR_FALLBACK;403') return 'FORBIDDEN';
  if (d === 'NEXT_HTTP_ERROR_FALLBACK;404') return 'NOT_FOUND';
  return 'THROUGH'; // anything else got past the role check (a validation state, a redirect elsewhere, a data-layer refusal)
}

const users: Partial<Record<TWho, TActor & { sessionVersion: number }>> = {};
let otherExporter: TActor & { sessionVersion: number };
const as = (who: TWho) => {
  session.user = who === 'ANONYMOUS' ? null : users[who]!;
};
const withVersion = async (a: TActor) => ({ ...a, sessionVersion: (await db.user.findUniqueOrThrow({ where: { id: a.id } })).sessionVersion });

beforeAll(async () => {
  users.EXPORTER = await withVersion(await createUser('EXPORTER'));
  users.OFFICER = await withVersion(await createUser('OFFICER'));
  users.ADMIN = await withVersion(await createUser('ADMIN'));
  otherExporter = await withVersion(await createUser('EXPORTER'));
});

const WHO: TWho[] = ['ANONYMOUS', 'EXPORTER', 'OFFICER', 'ADMIN'];

describe('every server action × every role', () => {
  const rows = Object.entries(ACTIONS).flatMap(([key, access]) => WHO.map((who) => [key, who, access.allowed.includes(who)] as const));
  it.each(rows)('%s as %s (allowed: %s)', async (key, who, allowed) => {
    const [file, name] = key.split('#') as [string, string];
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const fn = mod[name]!;
    as(who);
    const form = new FormData(); // nothing valid: an allowed caller stops at validation, a denied one before it
    const before = await db.auditEvent.count();
    let outcome: TOutcome = 'THROUGH';
    try {
      await (fn.length >= 2 ? fn({ status: 'idle' }, form) : fn(form));
    } catch (err) {
      outcome = classify(err);
    }
    if (!allowed) {
      expect(outcome).toBe(who === 'ANONYMOUS' ? 'SIGN_IN' : 'FORBIDDEN');
      expect(await db.auditEvent.count()).toBe(before); // nothing happened
    } else {
      expect(['THROUGH', 'NOT_FOUND']).toContain(outcome);
    }
  });
});

describe('session-authenticated GET routes × every role, own and other organisation', () => {
  let ownCase: string;
  beforeAll(async () => {
    const submitted = await submitAndScreen({ actor: users.EXPORTER!, input: applicationInput() });
    ownCase = submitted.id;
    await db.application.update({ where: { id: ownCase }, data: { status: 'APPROVED', decidedAt: new Date() } });
    await db.decision.create({ data: { applicationId: ownCase, type: 'APPROVE', officerId: users.OFFICER!.id } });
  });

  type TCall = () => Promise<Response>;
  const calls: Record<string, (id: string) => TCall> = {
    'app/(officer)/cases/[id]/record.pdf/route.ts': (id) => async () =>
      (await import('@/app/(officer)/cases/[id]/record.pdf/route')).GET(new Request('http://t/'), { params: Promise.resolve({ id }) }),
    'app/(officer)/cases/[id]/bundle.zip/route.ts': (id) => async () =>
      (await import('@/app/(officer)/cases/[id]/bundle.zip/route')).GET(new Request('http://t/'), { params: Promise.resolve({ id }) }),
    'app/(officer)/cases/export.csv/route.ts': () => async () =>
      (await import('@/app/(officer)/cases/export.csv/route')).GET(new Request('http://t/cases/export.csv')),
  };
  const outcomeOf = async (call: TCall): Promise<TOutcome | number> => {
    try {
      const res = await call();
      return res.status;
    } catch (err) {
      return classify(err);
    }
  };

  it.each(Object.keys(calls).flatMap((key) => WHO.map((who) => [key, who] as const)))('%s as %s', async (key, who) => {
    const access = ROUTES[key]!;
    as(who);
    const result = await outcomeOf(calls[key]!(ownCase));
    if (!access.allowed.includes(who)) {
      expect([who === 'ANONYMOUS' ? 'SIGN_IN' : 'FORBIDDEN', 401, 403, 404]).toContain(result);
    } else {
      expect(result).toBe(200);
      if (access.orgScoped && who === 'EXPORTER') {
        // The denied twin: the same route, another organisation's exporter → 404, never the data.
        session.user = otherExporter;
        expect([404, 'NOT_FOUND']).toContain(await outcomeOf(calls[key]!(ownCase)));
      }
    }
  });
});
