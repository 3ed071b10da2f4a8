-- AlterEnum
ALTER TYPE "SecurityEventType" ADD VALUE 'account_compromise_reported';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "passwordResetRequiredAt" TIMESTAMP(3);
