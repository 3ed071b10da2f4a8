import "server-only";
import { db } from "@/lib/db";

/** A product of the shop as the import compares it with the file's rows. */
export type StoredProduct = {
  id: string;
  slug: string;
  name: string;
  description: string;
  categoryId: string;
  published: boolean;
  featured: boolean;
  metaTitle: string | null;
  metaDescription: string | null;
  /** Archived products stay archived: the import may update them, never publish them. */
  archived: boolean;
};

/** A variant as the import compares it: `slug` is its product's. */
export type StoredVariant = {
  sku: string;
  slug: string;
  optionValues: string[];
  priceMinor: number;
  compareAtPriceMinor: number | null;
  stock: number;
  weightGrams: number;
  maxPerOrder: number;
  archived: boolean;
};

/** Slug → id of the categories that take products (an archived one has no page to show them on). */
export async function liveCategoryIds(): Promise<Map<string, string>> {
  const rows = await db.category.findMany({ where: { archivedAt: null }, select: { id: true, slug: true } });
  return new Map(rows.map((row) => [row.slug, row.id]));
}

// Raw queries with one array parameter each: a batch of 1,000 keys is one bound value, not 1,000.

export async function productsBySlug(slugs: string[]): Promise<StoredProduct[]> {
  if (slugs.length === 0) return [];
  return db.$queryRaw<StoredProduct[]>`
    SELECT id, slug, name, description, "categoryId", published, featured, "metaTitle", "metaDescription", "archivedAt" IS NOT NULL AS archived
    FROM "Product" WHERE slug = ANY(${slugs}::text[])`;
}

export async function variantsBySku(skus: string[]): Promise<StoredVariant[]> {
  if (skus.length === 0) return [];
  return db.$queryRaw<StoredVariant[]>`
    SELECT v.sku, p.slug, v."optionValues", v."priceMinor", v."compareAtPriceMinor", v.stock, v."weightGrams", v."maxPerOrder",
      v."archivedAt" IS NOT NULL AS archived
    FROM "ProductVariant" v JOIN "Product" p ON p.id = v."productId" WHERE v.sku = ANY(${skus}::text[])`;
}

type StoredOption = { productId: string; name: string; position: number; values: string[] };
type LiveVariant = { productId: string; sku: string; optionValues: string[] };

/** The stored options and live variants of existing products: what the file's option layout must agree with. */
export async function optionLayouts(productIds: string[]): Promise<{ options: StoredOption[]; variants: LiveVariant[] }> {
  const [options, variants] = await Promise.all([
    db.$queryRaw<StoredOption[]>`SELECT "productId", name, position, values FROM "ProductOption" WHERE "productId" = ANY(${productIds}::text[]) ORDER BY position`,
    db.$queryRaw<LiveVariant[]>`
      SELECT "productId", sku, "optionValues" FROM "ProductVariant"
      WHERE "productId" = ANY(${productIds}::text[]) AND "archivedAt" IS NULL ORDER BY position`,
  ]);
  return { options, variants };
}
