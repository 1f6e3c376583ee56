-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "submissionToken" TEXT;

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "OrganizationMembership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "OrganizationMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" TEXT,
    "responseHeaders" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RateLimitCounter_windowStart_idx" ON "RateLimitCounter"("windowStart");

-- CreateIndex
CREATE INDEX "OrganizationMembership_userId_organizationId_idx" ON "OrganizationMembership"("userId", "organizationId");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_scope_key_key" ON "IdempotencyKey"("scope", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Application_submissionToken_key" ON "Application"("submissionToken");

-- AddForeignKey
ALTER TABLE "OrganizationMembership" ADD CONSTRAINT "OrganizationMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationMembership" ADD CONSTRAINT "OrganizationMembership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Backfill: every exporter's current organisation is a membership that started when the user was created.
INSERT INTO "OrganizationMembership" ("id", "userId", "organizationId", "startedAt")
SELECT 'm_' || "id", "id", "organizationId", "createdAt" FROM "User" WHERE "organizationId" IS NOT NULL;

-- Membership history is kept by the database itself, whoever changes a user (admin pages, seed,
-- scripts): a user's organisation set or changed ends the open membership and opens a new one.
CREATE FUNCTION clearance_record_membership() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."organizationId" IS NOT DISTINCT FROM OLD."organizationId" THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    UPDATE "OrganizationMembership" SET "endedAt" = now() WHERE "userId" = NEW."id" AND "endedAt" IS NULL;
  END IF;
  IF NEW."organizationId" IS NOT NULL THEN
    INSERT INTO "OrganizationMembership" ("id", "userId", "organizationId", "startedAt")
    VALUES ('m_' || md5(random()::text || clock_timestamp()::text || NEW."id"), NEW."id", NEW."organizationId", now());
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "User_membership_history"
AFTER INSERT OR UPDATE OF "organizationId" ON "User"
FOR EACH ROW EXECUTE FUNCTION clearance_record_membership();
