-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "metaDescription" VARCHAR(160),
ADD COLUMN     "metaTitle" VARCHAR(70);
