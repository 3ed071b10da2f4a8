import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Keeps each product's `priceMinor` at the lowest price of its live
 * (not archived) variants, in the caller's transaction: listings show and sort
 * by it without reading every variant. A product whose variants are all
 * archived keeps its last price (it cannot be bought: nothing is on sale).
 * One statement for any number of products, so an import of thousands of rows
 * pays for it once.
 */
export async function syncProductPrices(tx: Prisma.TransactionClient, productIds: readonly string[]): Promise<void> {
  if (productIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Product" AS p SET "priceMinor" = v.low
    FROM (
      SELECT "productId", MIN("priceMinor") AS low FROM "ProductVariant"
      WHERE "productId" = ANY(${[...productIds]}::text[]) AND "archivedAt" IS NULL
      GROUP BY "productId"
    ) AS v
    WHERE p.id = v."productId" AND p."priceMinor" <> v.low`;
}
