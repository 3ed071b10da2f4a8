-- CreateTable
CREATE TABLE "GuestOrderContact" (
    "orderId" TEXT NOT NULL,
    "email" VARCHAR(800) NOT NULL,
    "emailIndex" VARCHAR(64) NOT NULL,
    "cartTokenHash" VARCHAR(64),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuestOrderContact_pkey" PRIMARY KEY ("orderId")
);

-- CreateTable
CREATE TABLE "OrderStatusToken" (
    "id" TEXT NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "orderId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderStatusToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GuestOrderContact_emailIndex_idx" ON "GuestOrderContact"("emailIndex");

-- CreateIndex
CREATE INDEX "GuestOrderContact_cartTokenHash_idx" ON "GuestOrderContact"("cartTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "OrderStatusToken_tokenHash_key" ON "OrderStatusToken"("tokenHash");

-- CreateIndex
CREATE INDEX "OrderStatusToken_orderId_idx" ON "OrderStatusToken"("orderId");

-- CreateIndex
CREATE INDEX "OrderStatusToken_expiresAt_idx" ON "OrderStatusToken"("expiresAt");

-- AddForeignKey
ALTER TABLE "GuestOrderContact" ADD CONSTRAINT "GuestOrderContact_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderStatusToken" ADD CONSTRAINT "OrderStatusToken_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
