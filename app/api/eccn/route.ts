// GET /api/eccn?code=5A001.j → { known, title? , message? }: the ECCN field's as-you-type check
// against the ACTIVE rule set's Commerce Control List. Signed-in users only.
import { NextResponse, type NextRequest } from 'next/server';
import { currentUser } from '@/lib/authz';
import { lookupEccn } from '@/lib/data/applications';

export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in first.' }, { status: 401 });
  const code = (request.nextUrl.searchParams.get('code') ?? '').slice(0, 40);
  return NextResponse.json(await lookupEccn(code), { headers: { 'Cache-Control': 'private, max-age=60' } });
}
