// Fuzzing every schema the app's inputs go through (issue 13): thousands of generated inputs, each
// either accepted as a storable value or refused with a field error — never a throw. Together with
// lib/fuzz.integration.test.ts (data layer and HTTP) this is > 10,000 generated inputs per run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ZApiKeyInput } from '@/lib/validation/api-key';
import { boundedDecimal } from '@/lib/validation/fields';
import { fieldErrors, QUANTITY_COLUMN, UNIT_VALUE_COLUMN, ZApplicationInput } from '@/lib/validation/application';
import { ZBulkApproveInput, ZCaseNoteInput, ZClearMatchInput, ZCountersignInput, ZDecisionInput, ZQueueFilter } from '@/lib/validation/decision';
import { unsafeTextPaths, unsafeTextProblem } from '@/lib/validation/fields';
import { ZPartyInput } from '@/lib/validation/parties';
import { ZCreateOrganization, ZCreateUser, ZSetUserActive, ZUpdateUser } from '@/lib/validation/users';
import { applicationArb, formArb, storable } from '@/test/fuzz-arbitraries';

const unsafe = (s: string) => unsafeTextProblem(s) !== null;
let generated = 0;

const TOP = ['product', 'destination', 'endUser', 'consignees', 'endUse', 'redFlags', '_form'];

describe('fuzzing the application schema (API, form, CLI)', () => {
  it('6,000 generated applications: storable when accepted, a named field error otherwise', () => {
    fc.assert(
      fc.property(applicationArb, (input) => {
        generated += 1;
        const parsed = ZApplicationInput.safeParse(input);
        if (parsed.success) {
          expect(storable(parsed.data, unsafe)).toBe(true);
          for (const item of parsed.data.lineItems) {
            expect(boundedDecimal(item.quantity, QUANTITY_COLUMN)).toBeNull();
            expect(boundedDecimal(item.unitValueUsd, UNIT_VALUE_COLUMN)).toBeNull();
            expect(item.quantity).toBeGreaterThan(0);
          }
          return;
        }
        const errors = fieldErrors(parsed.error);
        expect(Object.keys(errors).length).toBeGreaterThan(0);
        for (const [key, messages] of Object.entries(errors)) {
          expect(TOP).toContain(key.split('.')[0]);
          for (const m of messages) expect(m.length).toBeGreaterThan(3);
        }
      }),
      { numRuns: 6000 },
    );
  });
});

// Every action's form: the pipeline (lib/action.ts) refuses unstorable text first, then the schema.
const FORMS: [string, z.ZodType, Record<string, string[]>][] = [
  [
    'decide',
    ZDecisionInput,
    {
      type: ['APPROVE', 'DENY', 'REQUEST_INFO', 'ESCALATE', 'X'],
      caseId: ['c1'],
      expectedVersion: ['1', '0', '-1', '1e3'],
      conditions: ['ok'],
      licenseReference: ['D123'],
      licenseExpiresAt: ['2030-01-01', '2030-02-31'],
      reason: ['r'],
      message: ['m'],
      note: ['n'],
    },
  ],
  ['countersign', ZCountersignInput, { caseId: ['c1'], expectedVersion: ['1'], note: ['n'] }],
  ['note', ZCaseNoteInput, { caseId: ['c1'], body: ['Looks fine'] }],
  [
    'clear match',
    ZClearMatchInput,
    {
      caseId: ['c1'],
      expectedVersion: ['2'],
      listCode: ['SDN'],
      entryId: ['306'],
      partyName: ['Banco'],
      justification: ['Different bank, checked the address'],
    },
  ],
  ['bulk approve', ZBulkApproveInput, { cases: ['c1:1', 'x'], note: ['n'] }],
  [
    'queue filter',
    ZQueueFilter,
    {
      status: ['SUBMITTED', 'X'],
      outcome: ['CLEAR'],
      destination: ['DE', 'zz'],
      organization: ['o1'],
      mine: ['1'],
      age: ['7', '99999'],
      sort: ['age'],
      cursor: ['abc'],
    },
  ],
  [
    'create user',
    ZCreateUser,
    {
      name: ['Ann'],
      email: ['ann@example.com', 'not-an-email'],
      password: ['correct horse battery'],
      role: ['EXPORTER', 'OFFICER', 'ROOT'],
      organizationId: ['', 'o1'],
    },
  ],
  ['update user', ZUpdateUser, { userId: ['u1'], role: ['OFFICER'], organizationId: [''] }],
  ['set active', ZSetUserActive, { userId: ['u1'], active: ['true', 'yes'] }],
  ['create organisation', ZCreateOrganization, { name: ['Acme'] }],
  ['api key', ZApiKeyInput, { name: ['SAP production'], actingUserId: ['u1'] }],
  ['party', ZPartyInput, { id: ['r1'], name: ['Banco Nacional de Cuba'], country: ['Cuba', 'DE', 'Atlantis'] }],
];

describe('fuzzing every action’s form', () => {
  it.each(FORMS)('%s: 300 generated submissions refused with field errors or accepted storable', (_name, schema, fields) => {
    fc.assert(
      fc.property(formArb(fields), (values) => {
        generated += 1;
        const refusedEarly = unsafeTextPaths(values);
        if (Object.keys(refusedEarly).length > 0) {
          for (const [key, messages] of Object.entries(refusedEarly)) {
            expect(key.length).toBeGreaterThan(0);
            expect(messages.every((m) => m.length > 3)).toBe(true);
          }
          return;
        }
        const parsed = schema.safeParse(values);
        if (parsed.success) expect(storable(parsed.data, unsafe)).toBe(true);
        else for (const issue of parsed.error.issues) expect(issue.message.length).toBeGreaterThan(3);
      }),
      { numRuns: 300 },
    );
  });

  it('counted at least 9,600 generated inputs', () => {
    expect(generated).toBeGreaterThanOrEqual(6000 + FORMS.length * 300);
  });
});
