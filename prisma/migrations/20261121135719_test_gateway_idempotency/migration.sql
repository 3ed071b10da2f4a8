-- AlterTable
ALTER TABLE "TestGatewaySession" ADD COLUMN     "idempotencyKey" VARCHAR(200) NOT NULL,
ADD COLUMN     "orderNumber" VARCHAR(20) NOT NULL,
ADD COLUMN     "refunds" JSONB NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE UNIQUE INDEX "TestGatewaySession_idempotencyKey_key" ON "TestGatewaySession"("idempotencyKey");
