-- AlterEnum
ALTER TYPE "SecurityEventType" ADD VALUE 'stray_payment';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "clientAddressIndex" VARCHAR(64);

-- CreateTable
CREATE TABLE "StrayPayment" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "checkoutSessionId" VARCHAR(255) NOT NULL,
    "paymentIntentId" VARCHAR(255) NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "gatewayRefundId" VARCHAR(255),
    "refundedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StrayPayment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StrayPayment_paymentIntentId_key" ON "StrayPayment"("paymentIntentId");

-- CreateIndex
CREATE UNIQUE INDEX "StrayPayment_gatewayRefundId_key" ON "StrayPayment"("gatewayRefundId");

-- CreateIndex
CREATE INDEX "StrayPayment_orderId_idx" ON "StrayPayment"("orderId");

-- CreateIndex
CREATE INDEX "Order_clientAddressIndex_status_idx" ON "Order"("clientAddressIndex", "status");

-- AddForeignKey
ALTER TABLE "StrayPayment" ADD CONSTRAINT "StrayPayment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
