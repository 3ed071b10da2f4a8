-- One status becomes two: where the money stands and where the parcel stands.
CREATE TYPE "PaymentStatus" AS ENUM ('pending', 'paid', 'partially_refunded', 'refunded', 'failed', 'on_hold', 'cancelled');
CREATE TYPE "FulfillmentStatus" AS ENUM ('unfulfilled', 'packed', 'shipped', 'delivered', 'returned');
CREATE TYPE "OrderEventActor" AS ENUM ('customer', 'staff', 'system');

ALTER TABLE "Order"
ADD COLUMN     "paymentStatus" "PaymentStatus" NOT NULL DEFAULT 'pending',
ADD COLUMN     "fulfillmentStatus" "FulfillmentStatus" NOT NULL DEFAULT 'unfulfilled',
ADD COLUMN     "packedAt" TIMESTAMP(3),
ADD COLUMN     "shippedAt" TIMESTAMP(3),
ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "shippingCarrier" VARCHAR(40),
ADD COLUMN     "trackingNumber" VARCHAR(60);

-- Existing orders: "fulfilled" was paid and shipped; a refunded order that had shipped stays shipped.
UPDATE "Order" SET
  "paymentStatus" = CASE "status"
    WHEN 'pending_payment' THEN 'pending'
    WHEN 'fulfilled' THEN 'paid'
    ELSE "status"::text
  END::"PaymentStatus",
  "fulfillmentStatus" = CASE
    WHEN "status" = 'fulfilled' OR "fulfilledAt" IS NOT NULL THEN 'shipped'
    ELSE 'unfulfilled'
  END::"FulfillmentStatus",
  "shippedAt" = "fulfilledAt";

DROP INDEX "Order_clientAddressIndex_status_idx";
DROP INDEX "Order_status_createdAt_idx";
ALTER TABLE "Order" DROP COLUMN "fulfilledAt", DROP COLUMN "status";
DROP TYPE "OrderStatus";

CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "type" VARCHAR(60) NOT NULL,
    "actor" "OrderEventActor" NOT NULL,
    "staffId" TEXT,
    "detail" JSONB,
    "customerVisible" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "OrderEvent_orderId_createdAt_idx" ON "OrderEvent"("orderId", "createdAt");
CREATE INDEX "Order_paymentStatus_createdAt_idx" ON "Order"("paymentStatus", "createdAt");
CREATE INDEX "Order_fulfillmentStatus_paymentStatus_createdAt_idx" ON "Order"("fulfillmentStatus", "paymentStatus", "createdAt");
CREATE INDEX "Order_clientAddressIndex_paymentStatus_idx" ON "Order"("clientAddressIndex", "paymentStatus");

ALTER TABLE "OrderEvent" ADD CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The timeline of existing orders, from the times they already record.
INSERT INTO "OrderEvent" ("id", "orderId", "type", "actor", "createdAt")
SELECT 'mig_placed_' || "id", "id", 'order.placed', 'customer', "createdAt" FROM "Order";
INSERT INTO "OrderEvent" ("id", "orderId", "type", "actor", "createdAt")
SELECT 'mig_paid_' || "id", "id", 'payment.paid', 'system', "paidAt" FROM "Order" WHERE "paidAt" IS NOT NULL;
INSERT INTO "OrderEvent" ("id", "orderId", "type", "actor", "createdAt")
SELECT 'mig_shipped_' || "id", "id", 'fulfillment.shipped', 'staff', "shippedAt" FROM "Order" WHERE "shippedAt" IS NOT NULL;
INSERT INTO "OrderEvent" ("id", "orderId", "type", "actor", "createdAt")
SELECT 'mig_cancelled_' || "id", "id", 'payment.cancelled', 'system', "cancelledAt" FROM "Order" WHERE "cancelledAt" IS NOT NULL;
