// Receives a restricted-party list file as a stream (or OFAC's sdn.csv + alt.csv + add.csv as multipart) (no 1 MB server-action limit): POST the raw file
// body to /api/admin/lists/upload?job=<id> after starting the upload with the startUpload action.
// The page shows upload progress from XHR events and parse/store progress from the job row.
import { NextResponse, type NextRequest } from 'next/server';
import { currentUser } from '@/lib/authz';
import { MAX_UPLOAD_BYTES, receiveListUpload, refuseListUpload } from '@/lib/data/party-lists';
import { isAppError } from '@/lib/errors';

export const runtime = 'nodejs';
export const maxDuration = 300;

export async function POST(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in again.' }, { status: 401 });
  if (user.role !== 'ADMIN') return NextResponse.json({ error: 'Only administrators can upload lists.' }, { status: 403 });
  const jobId = request.nextUrl.searchParams.get('job');
  if (!jobId || !/^[\w-]{1,64}$/.test(jobId)) return NextResponse.json({ error: 'Start the upload first.' }, { status: 400 });
  const declared = Number(request.headers.get('content-length') ?? 0);
  // Every refusal ends the job (FAILED, with the reason): none stays RUNNING.
  if (declared > MAX_UPLOAD_BYTES) {
    const error = `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Nothing was changed.`;
    await refuseListUpload(user, jobId, error);
    return NextResponse.json({ error }, { status: 413 });
  }
  if (!request.body) {
    const error = 'The file is empty (0 rows). Nothing was changed.';
    await refuseListUpload(user, jobId, error);
    return NextResponse.json({ error }, { status: 400 });
  }
  try {
    // Several files (OFAC's sdn.csv with alt.csv and add.csv) arrive as multipart form data; one file as its raw body.
    const multipart = (request.headers.get('content-type') ?? '').startsWith('multipart/form-data');
    const body = multipart
      ? {
          files: await Promise.all(
            (await request.formData())
              .getAll('file')
              .filter((f): f is File => typeof f !== 'string')
              .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
          ),
        }
      : request.body;
    const result = await receiveListUpload(user, jobId, body, { declaredBytes: multipart ? undefined : declared || undefined });
    return NextResponse.json({ ok: true, lists: result.lists?.map((l) => ({ code: l.code, counts: l.counts, entryCount: l.entryCount })) });
  } catch (err) {
    if (isAppError(err)) {
      const status = err.code === 'NOT_FOUND' ? 404 : err.code === 'FORBIDDEN' ? 403 : 400;
      return NextResponse.json({ error: err.message, line: err.details?.line ?? null }, { status });
    }
    console.error('[lists] upload failed', err);
    return NextResponse.json({ error: 'The upload failed unexpectedly. Nothing was changed.' }, { status: 500 });
  }
}
