-- Variants: the price, stock, weight and per-order limit of a product move to its variants.
-- Every existing product becomes one variant without options (its SKU from the slug), and the
-- cart lines, order lines and stock adjustments that named the product now name that variant.

-- CreateTable
CREATE TABLE "ProductOption" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "position" INTEGER NOT NULL,
    "values" TEXT[],

    CONSTRAINT "ProductOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductVariant" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "sku" VARCHAR(64) NOT NULL,
    "optionValues" TEXT[],
    "priceMinor" INTEGER NOT NULL,
    "compareAtPriceMinor" INTEGER,
    "stock" INTEGER NOT NULL DEFAULT 0,
    "weightGrams" INTEGER NOT NULL DEFAULT 0,
    "maxPerOrder" INTEGER NOT NULL DEFAULT 10,
    "position" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductVariant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProductOption_productId_name_key" ON "ProductOption"("productId", "name");
CREATE UNIQUE INDEX "ProductOption_productId_position_key" ON "ProductOption"("productId", "position");
CREATE UNIQUE INDEX "ProductVariant_sku_key" ON "ProductVariant"("sku");
CREATE INDEX "ProductVariant_productId_position_idx" ON "ProductVariant"("productId", "position");

-- AddForeignKey
ALTER TABLE "ProductOption" ADD CONSTRAINT "ProductOption_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The database's own guard on what the DAL checks (as the product columns had).
ALTER TABLE "ProductVariant" ADD CONSTRAINT "sql_variant_stock_nonnegative" CHECK ("stock" >= 0);
ALTER TABLE "ProductVariant" ADD CONSTRAINT "sql_variant_price_nonnegative" CHECK ("priceMinor" >= 0 AND ("compareAtPriceMinor" IS NULL OR "compareAtPriceMinor" > "priceMinor"));
ALTER TABLE "ProductVariant" ADD CONSTRAINT "sql_variant_max_per_order" CHECK ("maxPerOrder" BETWEEN 1 AND 999);
ALTER TABLE "ProductVariant" ADD CONSTRAINT "sql_variant_weight_nonnegative" CHECK ("weightGrams" >= 0);
ALTER TABLE "ProductVariant" ADD CONSTRAINT "sql_variant_option_count" CHECK (cardinality("optionValues") <= 3);

-- One default variant per product.
INSERT INTO "ProductVariant" ("id", "productId", "sku", "optionValues", "priceMinor", "stock", "weightGrams", "maxPerOrder", "position", "updatedAt")
SELECT 'v_' || "id", "id",
       CASE WHEN length("slug") <= 64 THEN upper("slug") ELSE upper(left("slug", 50)) || '-' || left(md5("slug"), 13) END,
       '{}', "priceMinor", "stock", "weightGrams", "maxPerOrder", 0, CURRENT_TIMESTAMP
FROM "Product";

-- Cart lines name the variant.
ALTER TABLE "CartItem" DROP CONSTRAINT "CartItem_productId_fkey";
DROP INDEX "CartItem_cartId_productId_key";
ALTER TABLE "CartItem" ADD COLUMN "variantId" TEXT;
UPDATE "CartItem" SET "variantId" = 'v_' || "productId";
ALTER TABLE "CartItem" DROP COLUMN "productId";
ALTER TABLE "CartItem" ALTER COLUMN "variantId" SET NOT NULL;
CREATE UNIQUE INDEX "CartItem_cartId_variantId_key" ON "CartItem"("cartId", "variantId");
ALTER TABLE "CartItem" ADD CONSTRAINT "CartItem_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Stock adjustments name the variant.
ALTER TABLE "InventoryAdjustment" DROP CONSTRAINT "InventoryAdjustment_productId_fkey";
DROP INDEX "InventoryAdjustment_productId_createdAt_idx";
ALTER TABLE "InventoryAdjustment" ADD COLUMN "variantId" TEXT;
UPDATE "InventoryAdjustment" SET "variantId" = 'v_' || "productId";
ALTER TABLE "InventoryAdjustment" DROP COLUMN "productId";
ALTER TABLE "InventoryAdjustment" ALTER COLUMN "variantId" SET NOT NULL;
CREATE INDEX "InventoryAdjustment_variantId_createdAt_idx" ON "InventoryAdjustment"("variantId", "createdAt");
ALTER TABLE "InventoryAdjustment" ADD CONSTRAINT "InventoryAdjustment_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Order lines keep the product and now the variant, its SKU and option values as they were.
ALTER TABLE "OrderItem" ADD COLUMN "sku" VARCHAR(64) NOT NULL DEFAULT '',
ADD COLUMN "variantId" TEXT,
ADD COLUMN "variantTitle" VARCHAR(200) NOT NULL DEFAULT '';
UPDATE "OrderItem" AS i SET "variantId" = v."id", "sku" = v."sku"
FROM "ProductVariant" AS v WHERE v."id" = 'v_' || i."productId";
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The product keeps its lowest price (for listings); the rest now lives on its variants.
ALTER TABLE "Product" DROP CONSTRAINT "sql_product_stock_nonnegative";
ALTER TABLE "Product" DROP CONSTRAINT "sql_product_max_per_order";
ALTER TABLE "Product" DROP CONSTRAINT "sql_product_weight_nonnegative";
ALTER TABLE "Product" DROP COLUMN "maxPerOrder",
DROP COLUMN "stock",
DROP COLUMN "weightGrams";

-- A variant's price and stock show on its product's page and in listings, its options on the
-- page: their changes announce the product, as a change to the product row does.
CREATE FUNCTION "notify_product_part_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner_id text;
  product_slug text;
BEGIN
  IF TG_OP = 'DELETE' THEN owner_id := OLD."productId"; ELSE owner_id := NEW."productId"; END IF;
  SELECT "slug" INTO product_slug FROM "Product" WHERE "id" = owner_id;
  -- A product deleted with its variants has announced itself already.
  IF product_slug IS NOT NULL THEN
    PERFORM pg_notify('catalog_changed', 'product:' || product_slug);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ProductVariant_catalog_change_row"
  AFTER INSERT OR DELETE ON "ProductVariant"
  FOR EACH ROW EXECUTE FUNCTION "notify_product_part_change"();
CREATE TRIGGER "ProductVariant_catalog_change_update"
  AFTER UPDATE ON "ProductVariant"
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "notify_product_part_change"();
CREATE TRIGGER "ProductOption_catalog_change_row"
  AFTER INSERT OR DELETE ON "ProductOption"
  FOR EACH ROW EXECUTE FUNCTION "notify_product_part_change"();
CREATE TRIGGER "ProductOption_catalog_change_update"
  AFTER UPDATE ON "ProductOption"
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "notify_product_part_change"();
-- Emptying either table drops every shared page, as emptying "Product" does.
CREATE TRIGGER "ProductVariant_catalog_change_truncate"
  AFTER TRUNCATE ON "ProductVariant"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
CREATE TRIGGER "ProductOption_catalog_change_truncate"
  AFTER TRUNCATE ON "ProductOption"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
