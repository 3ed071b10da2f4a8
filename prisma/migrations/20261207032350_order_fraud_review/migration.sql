-- CreateEnum
CREATE TYPE "FraudReview" AS ENUM ('approved', 'held', 'released', 'cancelled');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "billingCountry" VARCHAR(2),
ADD COLUMN     "fraudReview" "FraudReview",
ADD COLUMN     "riskAssessedAt" TIMESTAMP(3),
ADD COLUMN     "riskReasons" JSONB,
ADD COLUMN     "riskScore" INTEGER;

-- CreateIndex
CREATE INDEX "Order_fraudReview_createdAt_idx" ON "Order"("fraudReview", "createdAt");
