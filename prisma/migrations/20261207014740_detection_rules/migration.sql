-- AlterTable
ALTER TABLE "SecurityAlert" ADD COLUMN     "acknowledgeNote" VARCHAR(500),
ADD COLUMN     "lastSeenAt" TIMESTAMP(3),
ADD COLUMN     "peakCount" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "severity" VARCHAR(10),
ADD COLUMN     "subject" VARCHAR(80);

-- CreateIndex
CREATE INDEX "SecurityAlert_kind_subject_acknowledgedAt_idx" ON "SecurityAlert"("kind", "subject", "acknowledgedAt");
