// POST /api/screening/batch?file=<name> — the raw CSV body of a batch party screening, streamed
// (no server-action size limit). Answers the new job's id; the job runs in the background.
import { NextResponse, type NextRequest } from 'next/server';
import { currentUser } from '@/lib/authz';
import { createBatchScreen, MAX_BATCH_BYTES } from '@/lib/data/batch-screening';
import { isAppError } from '@/lib/errors';

export const runtime = 'nodejs';
export const maxDuration = 300;

export async function POST(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in again.' }, { status: 401 });
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BATCH_BYTES) return NextResponse.json({ error: `The file is larger than ${MAX_BATCH_BYTES / 1024 / 1024} MB.` }, { status: 413 });
  if (!request.body) return NextResponse.json({ error: 'The file is empty.' }, { status: 400 });
  try {
    const created = await createBatchScreen(user, request.body, {
      fileName: request.nextUrl.searchParams.get('file') ?? 'parties.csv',
      declaredBytes: declared || undefined,
    });
    return NextResponse.json({ ok: true, ...created });
  } catch (err) {
    if (isAppError(err)) {
      const status = err.code === 'FORBIDDEN' ? 403 : err.code === 'UNAVAILABLE' ? 503 : 400;
      return NextResponse.json({ error: err.message, line: err.details?.line ?? null }, { status });
    }
    console.error('[batch] upload failed', err);
    return NextResponse.json({ error: 'The upload failed unexpectedly. Nothing was stored.' }, { status: 500 });
  }
}
