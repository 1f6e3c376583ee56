// The rows of submissions, any number, in ONE SQL statement: the application (first submissions
// only), its line items, parties and screening run. The busy path of issue 15: Prisma's
// createMany / createManyAndReturn compile each batch's whole data through the query compiler and
// expand it into one placeholder per value, which cost more CPU than everything else a submission
// does. Here the batch travels as one JSON parameter, serialised once (an application's input is
// in it once, for both the application's `data` and the run's `input`), and PostgreSQL unpacks it
// with jsonb_to_recordset. Ids are made here (lib/ids.ts), so nothing needs to be read back.
import 'server-only';
import type { TTx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Outcome, PartyRole, ScreeningTrigger } from '@/lib/generated/prisma/enums';

/** An application row's own columns (first submissions). */
export type TApplicationColumns = {
  reference: string;
  organizationId: string;
  createdById: string;
  submittedById: string;
  submissionToken: string | null;
  severity: number;
  productName: string;
  eccn: string | null;
  lineItemCount: number;
  destinationCountry: string | null;
  destinationRegion: string | null;
  endUserName: string | null;
  endUserType: string | null;
  endUseCategory: string | null;
  slaDueOn: Date | null;
};

export type TLineItemRow = {
  id: string;
  position: number;
  productName: string;
  description: string;
  eccn: string | null;
  kind: string;
  quantity: number;
  unitValueUsd: number;
  biometric: object | null;
};

export type TPartyRow = { id: string; role: PartyRole; position: number; name: string; country: string; address: string | null; type: string | null };

export type TSubmissionRows = {
  applicationId: string;
  /** present for a first submission: the application row is inserted too */
  application?: TApplicationColumns;
  /** the application as submitted: the application's `data` and the run's `input` */
  input: object;
  lineItems: TLineItemRow[];
  parties: TPartyRow[];
  run: { id: string; ruleSetVersionId: string; trigger: ScreeningTrigger; outcome: Outcome; previousOutcome: Outcome | null; findings: readonly object[] };
};

/** The JSON of one submission: flat keys for jsonb_to_recordset (undefined keys are left out = NULL). */
const flat = ({ applicationId, application, input, lineItems, parties, run }: TSubmissionRows) => ({
  applicationId,
  ...application,
  slaDueOn: application?.slaDueOn?.toISOString() ?? null,
  input,
  lineItems,
  parties,
  runId: run.id,
  ruleSetVersionId: run.ruleSetVersionId,
  trigger: run.trigger,
  outcome: run.outcome,
  previousOutcome: run.previousOutcome,
  findings: run.findings,
});

/** Inserts the application row (first submissions) only when `withApplications`. */
const applicationsCte = Prisma.sql`
  applications AS (
    INSERT INTO "Application" (
      "id", "reference", "organizationId", "createdById", "submittedById", "status", "outcome", "severity", "outcomeChanged",
      "productName", "eccn", "lineItemCount", "destinationCountry", "destinationRegion", "endUserName", "endUserType",
      "endUseCategory", "data", "submissionToken", "version", "createdAt", "updatedAt", "submittedAt", "slaDueOn")
    SELECT s."applicationId", s."reference", s."organizationId", s."createdById", s."submittedById", 'SUBMITTED', s."outcome",
           s."severity", false, s."productName", s."eccn", s."lineItemCount", s."destinationCountry", s."destinationRegion",
           s."endUserName", s."endUserType", s."endUseCategory", s."input", s."submissionToken", 1, n.at, n.at, n.at, s."slaDueOn"
      FROM s, n
  ),`;

/**
 * Stores the rows of `submissions` in one statement, all stamped `now` (the applications' created,
 * updated and submitted instant, the runs' createdAt). Applications first: the line items', parties'
 * and runs' foreign keys are checked at the statement's end, when every row of it is in.
 */
export async function insertSubmissionRows(tx: TTx, now: Date, submissions: readonly TSubmissionRows[], { withApplications }: { withApplications: boolean }): Promise<void> {
  if (submissions.length === 0) return;
  const payload = JSON.stringify(submissions.map(flat));
  await tx.$executeRaw`
    WITH s AS MATERIALIZED (
      SELECT * FROM jsonb_to_recordset(${payload}::jsonb) AS s(
        "applicationId" text, "reference" text, "organizationId" text, "createdById" text, "submittedById" text,
        "submissionToken" text, "severity" int, "productName" text, "eccn" text, "lineItemCount" int,
        "destinationCountry" text, "destinationRegion" text, "endUserName" text, "endUserType" text, "endUseCategory" text,
        "slaDueOn" timestamp(3), "input" jsonb, "lineItems" jsonb, "parties" jsonb, "runId" text, "ruleSetVersionId" text,
        "trigger" "ScreeningTrigger", "outcome" "Outcome", "previousOutcome" "Outcome", "findings" jsonb)
    ),
    n AS (SELECT ${now.toISOString()}::timestamp(3) AS at),
    ${withApplications ? applicationsCte : Prisma.empty}
    items AS (
      INSERT INTO "LineItem" ("id", "applicationId", "position", "productName", "description", "eccn", "kind", "quantity", "unitValueUsd", "biometric")
      SELECT i."id", s."applicationId", i."position", i."productName", i."description", i."eccn", i."kind", i."quantity", i."unitValueUsd", i."biometric"
        FROM s CROSS JOIN LATERAL jsonb_to_recordset(s."lineItems") AS i(
          "id" text, "position" int, "productName" text, "description" text, "eccn" text, "kind" text,
          "quantity" numeric, "unitValueUsd" numeric, "biometric" jsonb)
    ),
    parties AS (
      INSERT INTO "ApplicationParty" ("id", "applicationId", "role", "position", "name", "country", "address", "type")
      SELECT p."id", s."applicationId", p."role", p."position", p."name", p."country", p."address", p."type"
        FROM s CROSS JOIN LATERAL jsonb_to_recordset(s."parties") AS p(
          "id" text, "role" "PartyRole", "position" int, "name" text, "country" text, "address" text, "type" text)
    )
    INSERT INTO "ScreeningRun" ("id", "applicationId", "ruleSetVersionId", "trigger", "outcome", "previousOutcome", "findings", "input", "createdAt")
    SELECT s."runId", s."applicationId", s."ruleSetVersionId", s."trigger", s."outcome", s."previousOutcome", s."findings", s."input", n.at
      FROM s, n`;
}
