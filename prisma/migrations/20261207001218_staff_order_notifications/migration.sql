-- AlterTable
ALTER TABLE "User" ADD COLUMN     "notifyNewOrders" BOOLEAN NOT NULL DEFAULT false;
