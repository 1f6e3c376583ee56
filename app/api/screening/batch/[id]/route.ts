// Progress of a batch screening job for its progress bar (polled); the same shape as the admin jobs route.
import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/authz';
import { getBatch } from '@/lib/data/batch-screening';
import { isAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in again.' }, { status: 401 });
  const { id } = await params;
  try {
    const batch = await getBatch(user, id);
    if (!batch) return NextResponse.json({ error: 'Batch not found.' }, { status: 404 });
    return NextResponse.json({ ...batch, phase: null }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    if (isAppError(err) && err.code === 'FORBIDDEN') return NextResponse.json({ error: err.message }, { status: 403 });
    throw err;
  }
}
