-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('owner', 'admin', 'catalog_manager', 'fulfilment', 'support', 'auditor');

-- AlterEnum
ALTER TYPE "AccountTokenPurpose" ADD VALUE 'staff_setup';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SecurityEventType" ADD VALUE 'staff_access_denied';
ALTER TYPE "SecurityEventType" ADD VALUE 'pii_revealed';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deactivatedAt" TIMESTAMP(3),
ADD COLUMN     "staffRole" "StaffRole";

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "actorId" VARCHAR(40),
    "actorRole" VARCHAR(40),
    "action" VARCHAR(80) NOT NULL,
    "targetType" VARCHAR(40),
    "targetId" VARCHAR(80),
    "before" JSONB,
    "after" JSONB,
    "reason" VARCHAR(500),
    "outcome" VARCHAR(20) NOT NULL,
    "ip" VARCHAR(45),
    "userAgent" VARCHAR(400),
    "requestId" VARCHAR(80),
    "prevHash" VARCHAR(64) NOT NULL,
    "hash" VARCHAR(64) NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductImage" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "contentType" VARCHAR(40) NOT NULL,
    "bytes" BYTEA NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductImage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InventoryAdjustment" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,
    "reason" VARCHAR(300) NOT NULL,
    "actorId" VARCHAR(40) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InventoryAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PiiReveal" (
    "id" TEXT NOT NULL,
    "staffId" VARCHAR(40) NOT NULL,
    "customerId" VARCHAR(40) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PiiReveal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyAcceptance" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "version" VARCHAR(20) NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" VARCHAR(45),

    CONSTRAINT "PolicyAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityAlert" (
    "id" TEXT NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "message" VARCHAR(500) NOT NULL,
    "actorId" VARCHAR(40),
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" VARCHAR(40),

    CONSTRAINT "SecurityAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_hash_key" ON "AuditEntry"("hash");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_createdAt_idx" ON "AuditEntry"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_action_createdAt_idx" ON "AuditEntry"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_targetType_targetId_idx" ON "AuditEntry"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- CreateIndex
CREATE INDEX "ProductImage_productId_idx" ON "ProductImage"("productId");

-- CreateIndex
CREATE INDEX "InventoryAdjustment_productId_createdAt_idx" ON "InventoryAdjustment"("productId", "createdAt");

-- CreateIndex
CREATE INDEX "PiiReveal_staffId_customerId_expiresAt_idx" ON "PiiReveal"("staffId", "customerId", "expiresAt");

-- CreateIndex
CREATE INDEX "PiiReveal_staffId_createdAt_idx" ON "PiiReveal"("staffId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyAcceptance_userId_version_key" ON "PolicyAcceptance"("userId", "version");

-- CreateIndex
CREATE INDEX "SecurityAlert_acknowledgedAt_createdAt_idx" ON "SecurityAlert"("acknowledgedAt", "createdAt");

-- CreateIndex
CREATE INDEX "SecurityAlert_kind_actorId_createdAt_idx" ON "SecurityAlert"("kind", "actorId", "createdAt");

-- AddForeignKey
ALTER TABLE "ProductImage" ADD CONSTRAINT "ProductImage_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InventoryAdjustment" ADD CONSTRAINT "InventoryAdjustment_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyAcceptance" ADD CONSTRAINT "PolicyAcceptance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit log is append-only for everyone connecting normally, the shop's own
-- role included: rows can be added, never changed or removed. (A superuser can
-- still disable triggers, and the hash chain is what exposes that: see
-- lib/audit/verify-chain.ts and `npm run audit:verify`.)
CREATE FUNCTION "sql_audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "sql_audit_entry_no_update_or_delete" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "sql_audit_entry_append_only"();
CREATE TRIGGER "sql_audit_entry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "sql_audit_entry_append_only"();

ALTER TABLE "InventoryAdjustment" ADD CONSTRAINT "sql_inventory_adjustment_nonzero" CHECK ("delta" <> 0);
