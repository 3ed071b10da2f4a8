-- AlterEnum
ALTER TYPE "SecurityEventType" ADD VALUE 'bot_challenge_refused';

-- CreateTable
CREATE TABLE "SpentBotChallenge" (
    "digest" VARCHAR(64) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpentBotChallenge_pkey" PRIMARY KEY ("digest")
);

-- CreateIndex
CREATE INDEX "SpentBotChallenge_expiresAt_idx" ON "SpentBotChallenge"("expiresAt");
