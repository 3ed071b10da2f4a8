-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- An archived product is never on sale, whoever writes the row.
ALTER TABLE "Product" ADD CONSTRAINT "sql_product_archived_unpublished" CHECK ("archivedAt" IS NULL OR "published" = false);
