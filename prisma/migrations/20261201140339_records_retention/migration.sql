-- AlterEnum
ALTER TYPE "JobType" ADD VALUE 'ORG_EXPORT';

-- CreateTable
CREATE TABLE "BackupRecord" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "file" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "schemaVersion" TEXT NOT NULL,
    "tables" INTEGER NOT NULL,
    "rows" BIGINT NOT NULL,
    "host" TEXT,

    CONSTRAINT "BackupRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BackupRecord_finishedAt_idx" ON "BackupRecord"("finishedAt");

-- ---------------------------------------------------------------------------------------------
-- Hand-written: records retention (15 CFR Part 762, five years). Applications, screening runs and
-- decisions are never deleted: withdrawn and deleted drafts are marked, not removed. Like the audit
-- log's trigger, this refuses DELETE and TRUNCATE whoever asks (a restore with --force drops the
-- whole schema instead).
CREATE FUNCTION "records_retained"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are export records kept for five years: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "application_retained" BEFORE DELETE ON "Application" FOR EACH ROW EXECUTE FUNCTION "records_retained"();
CREATE TRIGGER "application_retained_truncate" BEFORE TRUNCATE ON "Application" FOR EACH STATEMENT EXECUTE FUNCTION "records_retained"();
CREATE TRIGGER "screening_run_retained" BEFORE DELETE ON "ScreeningRun" FOR EACH ROW EXECUTE FUNCTION "records_retained"();
CREATE TRIGGER "screening_run_retained_truncate" BEFORE TRUNCATE ON "ScreeningRun" FOR EACH STATEMENT EXECUTE FUNCTION "records_retained"();
CREATE TRIGGER "decision_retained" BEFORE DELETE ON "Decision" FOR EACH ROW EXECUTE FUNCTION "records_retained"();
CREATE TRIGGER "decision_retained_truncate" BEFORE TRUNCATE ON "Decision" FOR EACH STATEMENT EXECUTE FUNCTION "records_retained"();
