-- AlterTable
ALTER TABLE "User" ADD COLUMN     "phone" VARCHAR(400);

-- CreateTable
CREATE TABLE "Address" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "recipientName" VARCHAR(400) NOT NULL,
    "line1" VARCHAR(600) NOT NULL,
    "line2" VARCHAR(600),
    "city" VARCHAR(400) NOT NULL,
    "region" VARCHAR(400),
    "postalCode" VARCHAR(200) NOT NULL,
    "postalCodeIndex" VARCHAR(64) NOT NULL,
    "country" VARCHAR(2) NOT NULL,
    "phone" VARCHAR(400),
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Address_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Address_userId_idx" ON "Address"("userId");

-- CreateIndex
CREATE INDEX "Address_postalCodeIndex_idx" ON "Address"("postalCodeIndex");

-- AddForeignKey
ALTER TABLE "Address" ADD CONSTRAINT "Address_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
