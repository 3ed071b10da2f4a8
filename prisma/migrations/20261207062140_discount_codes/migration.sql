-- CreateEnum
CREATE TYPE "DiscountKind" AS ENUM ('percentage', 'fixed_amount');

-- CreateEnum
CREATE TYPE "DiscountRedemptionStatus" AS ENUM ('held', 'redeemed', 'released');

-- AlterTable
ALTER TABLE "Cart" ADD COLUMN     "discountCodeId" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "discountMinor" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "TestGatewaySession" ADD COLUMN     "amountDiscount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "discountName" VARCHAR(40);

-- CreateTable
CREATE TABLE "DiscountCode" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "kind" "DiscountKind" NOT NULL,
    "percentOff" INTEGER,
    "amountOffMinor" INTEGER,
    "currency" VARCHAR(3) NOT NULL,
    "minSubtotalMinor" INTEGER,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "totalLimit" INTEGER,
    "perCustomerLimit" INTEGER,
    "categoryIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DiscountCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscountRedemption" (
    "id" TEXT NOT NULL,
    "discountCodeId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "userId" TEXT,
    "emailIndex" VARCHAR(64) NOT NULL,
    "status" "DiscountRedemptionStatus" NOT NULL DEFAULT 'held',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "redeemedAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),

    CONSTRAINT "DiscountRedemption_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DiscountCode_code_key" ON "DiscountCode"("code");

-- CreateIndex
CREATE UNIQUE INDEX "DiscountRedemption_orderId_key" ON "DiscountRedemption"("orderId");

-- CreateIndex
CREATE INDEX "DiscountRedemption_discountCodeId_status_idx" ON "DiscountRedemption"("discountCodeId", "status");

-- CreateIndex
CREATE INDEX "DiscountRedemption_discountCodeId_userId_idx" ON "DiscountRedemption"("discountCodeId", "userId");

-- CreateIndex
CREATE INDEX "DiscountRedemption_discountCodeId_emailIndex_idx" ON "DiscountRedemption"("discountCodeId", "emailIndex");

-- AddForeignKey
ALTER TABLE "Cart" ADD CONSTRAINT "Cart_discountCodeId_fkey" FOREIGN KEY ("discountCodeId") REFERENCES "DiscountCode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscountRedemption" ADD CONSTRAINT "DiscountRedemption_discountCodeId_fkey" FOREIGN KEY ("discountCodeId") REFERENCES "DiscountCode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscountRedemption" ADD CONSTRAINT "DiscountRedemption_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules the database keeps even if code forgets them: one amount per kind, in range; amounts never negative.
ALTER TABLE "DiscountCode" ADD CONSTRAINT "sql_discount_code_amount" CHECK (
  ("kind" = 'percentage' AND "percentOff" BETWEEN 1 AND 100 AND "amountOffMinor" IS NULL)
  OR ("kind" = 'fixed_amount' AND "amountOffMinor" > 0 AND "percentOff" IS NULL)
);
ALTER TABLE "DiscountCode" ADD CONSTRAINT "sql_discount_code_limits" CHECK (
  ("totalLimit" IS NULL OR "totalLimit" >= 1) AND ("perCustomerLimit" IS NULL OR "perCustomerLimit" >= 1)
  AND ("minSubtotalMinor" IS NULL OR "minSubtotalMinor" >= 0)
  AND ("startsAt" IS NULL OR "endsAt" IS NULL OR "startsAt" < "endsAt")
);
ALTER TABLE "DiscountCode" ADD CONSTRAINT "sql_discount_code_normalised" CHECK ("code" = upper(btrim("code")) AND "code" <> '');
ALTER TABLE "DiscountRedemption" ADD CONSTRAINT "sql_discount_redemption_amount" CHECK ("amountMinor" >= 0);
-- An order's total now has a discount taken off its goods (never more than the goods).
ALTER TABLE "Order" DROP CONSTRAINT "sql_order_amounts";
ALTER TABLE "Order" ADD CONSTRAINT "sql_order_amounts" CHECK (
  "subtotalMinor" >= 0 AND "shippingMinor" >= 0 AND "taxMinor" >= 0
  AND "discountMinor" >= 0 AND "discountMinor" <= "subtotalMinor"
  AND "totalMinor" = "subtotalMinor" - "discountMinor" + "shippingMinor" + "taxMinor"
);
