// Progress of a background job (re-screen, impact preview, list upload) for the admin pages' progress
// bars, polled every ~500 ms. Reads the job row only: safe to reload, the same on every instance.
import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/authz';
import { db } from '@/lib/db';
import { getJobView } from '@/lib/jobs/queue';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in again.' }, { status: 401 });
  if (user.role !== 'ADMIN') return NextResponse.json({ error: 'Only administrators can see background jobs.' }, { status: 403 });
  const { id } = await params;
  if (!/^[\w-]{1,64}$/.test(id)) return NextResponse.json({ error: 'Job not found.' }, { status: 404 });
  const job = await getJobView(id);
  if (!job) return NextResponse.json({ error: 'Job not found.' }, { status: 404 });
  // A list upload reports its phase in words on its result.
  let phase: string | null = null;
  if (job.type === 'LIST_IMPORT') {
    const row = await db.job.findUnique({ where: { id }, select: { result: true } });
    phase = (row?.result as { phase?: string } | null)?.phase ?? null;
  }
  return NextResponse.json({ ...job, phase }, { headers: { 'Cache-Control': 'no-store' } });
}
