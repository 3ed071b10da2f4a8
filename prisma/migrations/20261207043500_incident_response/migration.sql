-- CreateEnum
CREATE TYPE "BreachDeliveryStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "LockdownState" (
    "id" VARCHAR(10) NOT NULL DEFAULT 'shop',
    "active" BOOLEAN NOT NULL DEFAULT false,
    "reason" VARCHAR(500),
    "changedById" VARCHAR(40),
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LockdownState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreachNotice" (
    "id" TEXT NOT NULL,
    "subject" VARCHAR(200) NOT NULL,
    "body" VARCHAR(10000) NOT NULL,
    "cohort" VARCHAR(30) NOT NULL,
    "windowFrom" TIMESTAMP(3),
    "windowTo" TIMESTAMP(3),
    "reason" VARCHAR(500) NOT NULL,
    "createdById" VARCHAR(40) NOT NULL,
    "recipientCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BreachNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreachNoticeRecipient" (
    "id" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "userId" VARCHAR(40),
    "email" VARCHAR(700) NOT NULL,
    "name" VARCHAR(500) NOT NULL,
    "status" "BreachDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BreachNoticeRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BreachNotice_createdAt_idx" ON "BreachNotice"("createdAt");

-- CreateIndex
CREATE INDEX "BreachNoticeRecipient_noticeId_status_idx" ON "BreachNoticeRecipient"("noticeId", "status");

-- CreateIndex
CREATE INDEX "BreachNoticeRecipient_userId_idx" ON "BreachNoticeRecipient"("userId");

-- AddForeignKey
ALTER TABLE "BreachNoticeRecipient" ADD CONSTRAINT "BreachNoticeRecipient_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "BreachNotice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
