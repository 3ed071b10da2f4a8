-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('pending_payment', 'paid', 'fulfilled', 'cancelled', 'partially_refunded', 'refunded', 'on_hold');

-- CreateEnum
CREATE TYPE "ShippingMethod" AS ENUM ('standard', 'express');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('pending', 'succeeded', 'failed');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SecurityEventType" ADD VALUE 'order_access_denied';
ALTER TYPE "SecurityEventType" ADD VALUE 'payment_webhook_rejected';
ALTER TYPE "SecurityEventType" ADD VALUE 'payment_amount_mismatch';
ALTER TYPE "SecurityEventType" ADD VALUE 'payment_after_cancellation';

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "maxPerOrder" INTEGER NOT NULL DEFAULT 10;

-- CreateTable
CREATE TABLE "Cart" (
    "id" TEXT NOT NULL,
    "tokenHash" VARCHAR(64),
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CartItem" (
    "id" TEXT NOT NULL,
    "cartId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CartItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "userId" TEXT,
    "status" "OrderStatus" NOT NULL DEFAULT 'pending_payment',
    "currency" VARCHAR(3) NOT NULL,
    "subtotalMinor" INTEGER NOT NULL,
    "shippingMinor" INTEGER NOT NULL,
    "taxMinor" INTEGER NOT NULL,
    "totalMinor" INTEGER NOT NULL,
    "shippingMethod" "ShippingMethod" NOT NULL,
    "shipRecipientName" VARCHAR(400),
    "shipLine1" VARCHAR(600),
    "shipLine2" VARCHAR(600),
    "shipCity" VARCHAR(400),
    "shipRegion" VARCHAR(400),
    "shipPostalCode" VARCHAR(200),
    "shipPhone" VARCHAR(400),
    "shipCountry" VARCHAR(2) NOT NULL,
    "addressErasedAt" TIMESTAMP(3),
    "paymentAttempt" INTEGER NOT NULL DEFAULT 0,
    "checkoutSessionId" VARCHAR(255),
    "paymentIntentId" VARCHAR(255),
    "cardBrand" VARCHAR(20),
    "cardLast4" VARCHAR(4),
    "riskLevel" VARCHAR(20),
    "capturedMinor" INTEGER NOT NULL DEFAULT 0,
    "refundedMinor" INTEGER NOT NULL DEFAULT 0,
    "holdReason" VARCHAR(200),
    "reservationExpiresAt" TIMESTAMP(3) NOT NULL,
    "stockReleasedAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "fulfilledAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderItem" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "productId" TEXT,
    "productName" VARCHAR(120) NOT NULL,
    "unitPriceMinor" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "lineTotalMinor" INTEGER NOT NULL,

    CONSTRAINT "OrderItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentEvent" (
    "id" VARCHAR(255) NOT NULL,
    "type" VARCHAR(80) NOT NULL,
    "orderId" TEXT,
    "outcome" VARCHAR(20) NOT NULL,
    "livemode" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'pending',
    "gatewayRefundId" VARCHAR(255),
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestGatewaySession" (
    "id" VARCHAR(80) NOT NULL,
    "orderId" VARCHAR(40) NOT NULL,
    "paymentIntentId" VARCHAR(80) NOT NULL,
    "chargeId" VARCHAR(80) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "amountTotal" INTEGER NOT NULL,
    "lineItems" JSONB NOT NULL,
    "customerEmail" VARCHAR(254),
    "successUrl" VARCHAR(2000) NOT NULL,
    "cancelUrl" VARCHAR(2000) NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "paymentStatus" VARCHAR(20) NOT NULL,
    "amountRefunded" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TestGatewaySession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Cart_tokenHash_key" ON "Cart"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Cart_userId_key" ON "Cart"("userId");

-- CreateIndex
CREATE INDEX "Cart_updatedAt_idx" ON "Cart"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CartItem_cartId_productId_key" ON "CartItem"("cartId", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Order_checkoutSessionId_key" ON "Order"("checkoutSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_paymentIntentId_key" ON "Order"("paymentIntentId");

-- CreateIndex
CREATE INDEX "Order_userId_createdAt_idx" ON "Order"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_status_createdAt_idx" ON "Order"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OrderItem_orderId_idx" ON "OrderItem"("orderId");

-- CreateIndex
CREATE INDEX "PaymentEvent_orderId_idx" ON "PaymentEvent"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_gatewayRefundId_key" ON "Refund"("gatewayRefundId");

-- CreateIndex
CREATE INDEX "Refund_orderId_idx" ON "Refund"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "TestGatewaySession_paymentIntentId_key" ON "TestGatewaySession"("paymentIntentId");

-- CreateIndex
CREATE UNIQUE INDEX "TestGatewaySession_chargeId_key" ON "TestGatewaySession"("chargeId");

-- AddForeignKey
ALTER TABLE "Cart" ADD CONSTRAINT "Cart_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartItem" ADD CONSTRAINT "CartItem_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "Cart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartItem" ADD CONSTRAINT "CartItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentEvent" ADD CONSTRAINT "PaymentEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written invariants the database enforces whatever the code does (named
-- "sql_" so the drift check leaves them out of its comparison with schema.prisma).
-- Stock never goes below zero: a reservation is a conditional decrement, and
-- this constraint is the last line against an oversell.
ALTER TABLE "Product" ADD CONSTRAINT "sql_product_stock_nonnegative" CHECK ("stock" >= 0);
ALTER TABLE "Product" ADD CONSTRAINT "sql_product_price_nonnegative" CHECK ("priceMinor" >= 0);
ALTER TABLE "Product" ADD CONSTRAINT "sql_product_max_per_order" CHECK ("maxPerOrder" BETWEEN 1 AND 999);
ALTER TABLE "CartItem" ADD CONSTRAINT "sql_cart_item_quantity" CHECK ("quantity" BETWEEN 1 AND 999);
ALTER TABLE "OrderItem" ADD CONSTRAINT "sql_order_item_quantity" CHECK ("quantity" BETWEEN 1 AND 999);
ALTER TABLE "OrderItem" ADD CONSTRAINT "sql_order_item_amounts" CHECK ("unitPriceMinor" >= 0 AND "lineTotalMinor" = "unitPriceMinor" * "quantity");
ALTER TABLE "Order" ADD CONSTRAINT "sql_order_amounts" CHECK (
  "subtotalMinor" >= 0 AND "shippingMinor" >= 0 AND "taxMinor" >= 0
  AND "totalMinor" = "subtotalMinor" + "shippingMinor" + "taxMinor"
);
ALTER TABLE "Order" ADD CONSTRAINT "sql_order_refund_cap" CHECK ("refundedMinor" >= 0 AND "refundedMinor" <= "capturedMinor");
ALTER TABLE "Refund" ADD CONSTRAINT "sql_refund_amount_positive" CHECK ("amountMinor" > 0);
