-- DropIndex
DROP INDEX "ProductImage_productId_idx";

-- AlterTable: existing images (one per product until now) become their product's cover, position 0,
-- described by the product's name until staff write better alt text.
ALTER TABLE "ProductImage" ADD COLUMN     "alt" VARCHAR(200),
ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

UPDATE "ProductImage" AS i SET "alt" = LEFT(p."name", 200) FROM "Product" AS p WHERE p."id" = i."productId";

ALTER TABLE "ProductImage" ALTER COLUMN "alt" SET NOT NULL,
ALTER COLUMN "position" DROP DEFAULT;

-- Images stored before this migration have no renditions: the image route scales them when asked
-- (app/product-images/[id]/route.ts); every upload from now on stores its widths.

-- CreateTable
CREATE TABLE "ProductImageRendition" (
    "imageId" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "contentType" VARCHAR(40) NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "ProductImageRendition_pkey" PRIMARY KEY ("imageId","width")
);

-- CreateIndex
CREATE INDEX "ProductImage_productId_position_idx" ON "ProductImage"("productId", "position");

-- AddForeignKey
ALTER TABLE "ProductImageRendition" ADD CONSTRAINT "ProductImageRendition_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "ProductImage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
