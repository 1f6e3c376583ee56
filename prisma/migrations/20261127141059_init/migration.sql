-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('EXPORTER', 'OFFICER', 'ADMIN');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'ESCALATED', 'AWAITING_COUNTERSIGNATURE', 'APPROVED', 'DENIED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('CLEAR', 'REVIEW', 'LICENSE_REQUIRED', 'PROHIBITED');

-- CreateEnum
CREATE TYPE "DecisionType" AS ENUM ('APPROVE', 'DENY', 'REQUEST_INFO', 'ESCALATE');

-- CreateEnum
CREATE TYPE "RuleSetStatus" AS ENUM ('DRAFT', 'ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "JobType" AS ENUM ('IMPACT_PREVIEW', 'RESCREEN', 'LIST_IMPORT', 'BATCH_SCREEN');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ScreeningTrigger" AS ENUM ('SUBMIT', 'RESUBMIT', 'RESCREEN', 'MANUAL');

-- CreateEnum
CREATE TYPE "PartyRole" AS ENUM ('END_USER', 'INTERMEDIATE_CONSIGNEE', 'ULTIMATE_CONSIGNEE');

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "organizationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitEvent" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateLimitEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "submittedById" TEXT,
    "assignedToId" TEXT,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "outcome" "Outcome",
    "severity" INTEGER,
    "outcomeChanged" BOOLEAN NOT NULL DEFAULT false,
    "productName" TEXT NOT NULL,
    "eccn" TEXT,
    "destinationCountry" TEXT,
    "destinationRegion" TEXT,
    "endUserName" TEXT,
    "endUserType" TEXT,
    "endUseCategory" TEXT,
    "data" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LineItem" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "productName" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "eccn" TEXT,
    "kind" TEXT NOT NULL,
    "quantity" DECIMAL(18,4) NOT NULL,
    "unitValueUsd" DECIMAL(18,2) NOT NULL,
    "biometric" JSONB,

    CONSTRAINT "LineItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationParty" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "role" "PartyRole" NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "address" TEXT,
    "type" TEXT,

    CONSTRAINT "ApplicationParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScreeningRun" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "ruleSetVersionId" TEXT NOT NULL,
    "trigger" "ScreeningTrigger" NOT NULL,
    "outcome" "Outcome" NOT NULL,
    "findings" JSONB NOT NULL,
    "input" JSONB NOT NULL,
    "previousOutcome" "Outcome",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScreeningRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "screeningRunId" TEXT,
    "lineItemId" TEXT,
    "type" "DecisionType" NOT NULL,
    "officerId" TEXT NOT NULL,
    "note" TEXT,
    "conditions" TEXT,
    "reason" TEXT,
    "message" TEXT,
    "licenseReference" TEXT,
    "licenseExpiresAt" TIMESTAMP(3),
    "requiresCountersignature" BOOLEAN NOT NULL DEFAULT false,
    "countersignedById" TEXT,
    "countersignedAt" TIMESTAMP(3),
    "countersignNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseNote" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseMessage" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleSetVersion" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "status" "RuleSetStatus" NOT NULL,
    "note" TEXT NOT NULL,
    "asOf" TEXT,
    "basedOnId" TEXT,
    "rules" JSONB NOT NULL,
    "countries" JSONB NOT NULL,
    "datasets" JSONB NOT NULL,
    "cclDatasetId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "RuleSetVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceDataset" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "asOf" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceDataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyList" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "asOf" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "entryCount" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleSetPartyList" (
    "ruleSetVersionId" TEXT NOT NULL,
    "partyListId" TEXT NOT NULL,

    CONSTRAINT "RuleSetPartyList_pkey" PRIMARY KEY ("ruleSetVersionId","partyListId")
);

-- CreateTable
CREATE TABLE "PartyEntry" (
    "id" TEXT NOT NULL,
    "listId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "type" TEXT,
    "countries" TEXT[],
    "programs" TEXT[],
    "licensePolicy" TEXT,
    "remarks" TEXT,
    "extra" JSONB,
    "contentHash" TEXT NOT NULL,

    CONSTRAINT "PartyEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClearedMatch" (
    "id" TEXT NOT NULL,
    "listCode" TEXT NOT NULL,
    "entryExternalId" TEXT NOT NULL,
    "entryContentHash" TEXT NOT NULL,
    "partyName" TEXT NOT NULL,
    "partyNameKey" TEXT NOT NULL,
    "justification" TEXT NOT NULL,
    "clearedById" TEXT NOT NULL,
    "applicationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ClearedMatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "actingUserId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "type" "JobType" NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "ruleSetVersionId" TEXT,
    "params" JSONB NOT NULL DEFAULT '{}',
    "result" JSONB,
    "error" TEXT,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "lockedBy" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "data" JSONB NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_name_key" ON "Organization"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "RateLimitEvent_key_createdAt_idx" ON "RateLimitEvent"("key", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Application_reference_key" ON "Application"("reference");

-- CreateIndex
CREATE INDEX "Application_status_updatedAt_idx" ON "Application"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "Application_status_submittedAt_id_idx" ON "Application"("status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Application_status_severity_submittedAt_idx" ON "Application"("status", "severity", "submittedAt");

-- CreateIndex
CREATE INDEX "Application_severity_submittedAt_id_idx" ON "Application"("severity" DESC, "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Application_submittedAt_id_idx" ON "Application"("submittedAt", "id");

-- CreateIndex
CREATE INDEX "Application_organizationId_updatedAt_idx" ON "Application"("organizationId", "updatedAt");

-- CreateIndex
CREATE INDEX "Application_outcome_idx" ON "Application"("outcome");

-- CreateIndex
CREATE INDEX "Application_destinationCountry_severity_submittedAt_id_idx" ON "Application"("destinationCountry", "severity" DESC, "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Application_assignedToId_status_idx" ON "Application"("assignedToId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "LineItem_applicationId_position_key" ON "LineItem"("applicationId", "position");

-- CreateIndex
CREATE INDEX "ApplicationParty_name_idx" ON "ApplicationParty"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationParty_applicationId_role_position_key" ON "ApplicationParty"("applicationId", "role", "position");

-- CreateIndex
CREATE INDEX "ScreeningRun_applicationId_createdAt_idx" ON "ScreeningRun"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "ScreeningRun_ruleSetVersionId_idx" ON "ScreeningRun"("ruleSetVersionId");

-- CreateIndex
CREATE INDEX "Decision_applicationId_createdAt_idx" ON "Decision"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "CaseNote_applicationId_createdAt_idx" ON "CaseNote"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "CaseMessage_applicationId_createdAt_idx" ON "CaseMessage"("applicationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RuleSetVersion_label_key" ON "RuleSetVersion"("label");

-- CreateIndex
CREATE INDEX "RuleSetVersion_status_idx" ON "RuleSetVersion"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ReferenceDataset_sha256_key" ON "ReferenceDataset"("sha256");

-- CreateIndex
CREATE INDEX "PartyList_code_createdAt_idx" ON "PartyList"("code", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PartyEntry_listId_externalId_key" ON "PartyEntry"("listId", "externalId");

-- CreateIndex
CREATE INDEX "ClearedMatch_partyNameKey_idx" ON "ClearedMatch"("partyNameKey");

-- CreateIndex
CREATE UNIQUE INDEX "ClearedMatch_listCode_entryExternalId_entryContentHash_part_key" ON "ClearedMatch"("listCode", "entryExternalId", "entryContentHash", "partyNameKey");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE INDEX "Job_status_createdAt_idx" ON "Job"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Job_type_createdAt_idx" ON "Job"("type", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_seq_idx" ON "AuditEvent"("entityType", "entityId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_action_idx" ON "AuditEvent"("action");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineItem" ADD CONSTRAINT "LineItem_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationParty" ADD CONSTRAINT "ApplicationParty_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningRun" ADD CONSTRAINT "ScreeningRun_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningRun" ADD CONSTRAINT "ScreeningRun_ruleSetVersionId_fkey" FOREIGN KEY ("ruleSetVersionId") REFERENCES "RuleSetVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_screeningRunId_fkey" FOREIGN KEY ("screeningRunId") REFERENCES "ScreeningRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_countersignedById_fkey" FOREIGN KEY ("countersignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMessage" ADD CONSTRAINT "CaseMessage_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMessage" ADD CONSTRAINT "CaseMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSetVersion" ADD CONSTRAINT "RuleSetVersion_basedOnId_fkey" FOREIGN KEY ("basedOnId") REFERENCES "RuleSetVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSetVersion" ADD CONSTRAINT "RuleSetVersion_cclDatasetId_fkey" FOREIGN KEY ("cclDatasetId") REFERENCES "ReferenceDataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSetVersion" ADD CONSTRAINT "RuleSetVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSetVersion" ADD CONSTRAINT "RuleSetVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSetPartyList" ADD CONSTRAINT "RuleSetPartyList_ruleSetVersionId_fkey" FOREIGN KEY ("ruleSetVersionId") REFERENCES "RuleSetVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSetPartyList" ADD CONSTRAINT "RuleSetPartyList_partyListId_fkey" FOREIGN KEY ("partyListId") REFERENCES "PartyList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyEntry" ADD CONSTRAINT "PartyEntry_listId_fkey" FOREIGN KEY ("listId") REFERENCES "PartyList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClearedMatch" ADD CONSTRAINT "ClearedMatch_clearedById_fkey" FOREIGN KEY ("clearedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClearedMatch" ADD CONSTRAINT "ClearedMatch_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_actingUserId_fkey" FOREIGN KEY ("actingUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_ruleSetVersionId_fkey" FOREIGN KEY ("ruleSetVersionId") REFERENCES "RuleSetVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written parts (Prisma cannot express them in the schema).

-- Application references (CLR-<year>-<6 digits>) come from one sequence shared by all instances.
CREATE SEQUENCE "application_reference_seq" START 1;

-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks. (A superuser can still
-- disable triggers; the hash chain makes that detectable: npm run audit:verify.)
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_event_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();

-- At most one ACTIVE rule-set version.
CREATE UNIQUE INDEX "RuleSetVersion_one_active" ON "RuleSetVersion" ("status") WHERE "status" = 'ACTIVE';

