-- AlterEnum
ALTER TYPE "ApplicationStatus" ADD VALUE 'APPROVED_IN_PART';

-- AlterEnum
ALTER TYPE "DecisionType" ADD VALUE 'APPROVE_IN_PART';

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "copiedFromId" TEXT,
ADD COLUMN     "lineItemCount" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "withdrawalReason" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "lineItemPosition" INTEGER;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_lineItemId_fkey" FOREIGN KEY ("lineItemId") REFERENCES "LineItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
