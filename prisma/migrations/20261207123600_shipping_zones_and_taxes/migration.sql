-- CreateEnum
CREATE TYPE "ShippingRateKind" AS ENUM ('flat', 'weight', 'free_over');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "shippingRateId" VARCHAR(40),
ADD COLUMN     "taxIncluded" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "taxRateBasisPoints" INTEGER NOT NULL DEFAULT 0,
-- Kept, not dropped: the orders placed so far keep their method's name ("standard", "express").
ALTER COLUMN "shippingMethod" SET DATA TYPE VARCHAR(60) USING "shippingMethod"::text;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "weightGrams" INTEGER NOT NULL DEFAULT 0;

-- DropEnum
DROP TYPE "ShippingMethod";

-- CreateTable
CREATE TABLE "ShippingZone" (
    "id" TEXT NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "restOfWorld" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShippingZone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShippingZoneCountry" (
    "country" VARCHAR(2) NOT NULL,
    "zoneId" TEXT NOT NULL,

    CONSTRAINT "ShippingZoneCountry_pkey" PRIMARY KEY ("country")
);

-- CreateTable
CREATE TABLE "ShippingRate" (
    "id" TEXT NOT NULL,
    "zoneId" TEXT NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "description" VARCHAR(120) NOT NULL DEFAULT '',
    "kind" "ShippingRateKind" NOT NULL,
    "amountMinor" INTEGER NOT NULL DEFAULT 0,
    "freeFromMinor" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShippingRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShippingRateBand" (
    "id" TEXT NOT NULL,
    "rateId" TEXT NOT NULL,
    "minGrams" INTEGER NOT NULL,
    "maxGrams" INTEGER NOT NULL,
    "amountMinor" INTEGER NOT NULL,

    CONSTRAINT "ShippingRateBand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaxRate" (
    "id" TEXT NOT NULL,
    "country" VARCHAR(2) NOT NULL,
    "region" VARCHAR(100) NOT NULL DEFAULT '',
    "basisPoints" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaxRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopSetting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "pricesIncludeTax" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopSetting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ShippingZone_name_key" ON "ShippingZone"("name");

-- CreateIndex
CREATE INDEX "ShippingZoneCountry_zoneId_idx" ON "ShippingZoneCountry"("zoneId");

-- CreateIndex
CREATE UNIQUE INDEX "ShippingRate_zoneId_name_key" ON "ShippingRate"("zoneId", "name");

-- CreateIndex
CREATE INDEX "ShippingRateBand_rateId_idx" ON "ShippingRateBand"("rateId");

-- CreateIndex
CREATE UNIQUE INDEX "TaxRate_country_region_key" ON "TaxRate"("country", "region");

-- AddForeignKey
ALTER TABLE "ShippingZoneCountry" ADD CONSTRAINT "ShippingZoneCountry_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "ShippingZone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShippingRate" ADD CONSTRAINT "ShippingRate_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "ShippingZone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShippingRateBand" ADD CONSTRAINT "ShippingRateBand_rateId_fkey" FOREIGN KEY ("rateId") REFERENCES "ShippingRate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules the database keeps even if code forgets them.
ALTER TABLE "Product" ADD CONSTRAINT "sql_product_weight_nonnegative" CHECK ("weightGrams" >= 0);
ALTER TABLE "ShippingZoneCountry" ADD CONSTRAINT "sql_zone_country_code" CHECK ("country" ~ '^[A-Z]{2}$');
ALTER TABLE "ShippingRate" ADD CONSTRAINT "sql_shipping_rate_amounts" CHECK (
  "amountMinor" >= 0 AND ("freeFromMinor" IS NULL OR "freeFromMinor" >= 0)
  AND (("kind" = 'free_over') = ("freeFromMinor" IS NOT NULL))
);
ALTER TABLE "ShippingRateBand" ADD CONSTRAINT "sql_shipping_band_range" CHECK ("minGrams" >= 0 AND "maxGrams" > "minGrams" AND "amountMinor" >= 0);
ALTER TABLE "TaxRate" ADD CONSTRAINT "sql_tax_rate_range" CHECK ("basisPoints" BETWEEN 0 AND 10000 AND "country" ~ '^[A-Z]{2}$');
-- At most one rest-of-world zone.
CREATE UNIQUE INDEX "sql_shipping_zone_one_rest_of_world" ON "ShippingZone"("restOfWorld") WHERE "restOfWorld";
-- One settings row.
ALTER TABLE "ShopSetting" ADD CONSTRAINT "sql_shop_setting_single_row" CHECK ("id" = 1);
-- Tax is either added to the total or already inside it (prices entered with tax): then it is a
-- part of what is paid, never more than it.
ALTER TABLE "Order" DROP CONSTRAINT "sql_order_amounts";
ALTER TABLE "Order" ADD CONSTRAINT "sql_order_amounts" CHECK (
  "subtotalMinor" >= 0 AND "shippingMinor" >= 0 AND "taxMinor" >= 0
  AND "discountMinor" >= 0 AND "discountMinor" <= "subtotalMinor"
  AND "taxRateBasisPoints" >= 0 AND "taxRateBasisPoints" <= 10000
  AND (
    ("taxIncluded" AND "totalMinor" = "subtotalMinor" - "discountMinor" + "shippingMinor" AND "taxMinor" <= "totalMinor")
    OR (NOT "taxIncluded" AND "totalMinor" = "subtotalMinor" - "discountMinor" + "shippingMinor" + "taxMinor")
  )
);
