-- CreateTable
CREATE TABLE "BatchScreenRow" (
    "jobId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "ref" TEXT,
    "name" TEXT NOT NULL,
    "country" TEXT,
    "error" TEXT,
    "outcome" "Outcome",
    "hits" JSONB,
    "screened" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "BatchScreenRow_pkey" PRIMARY KEY ("jobId","line")
);

-- AddForeignKey
ALTER TABLE "BatchScreenRow" ADD CONSTRAINT "BatchScreenRow_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
