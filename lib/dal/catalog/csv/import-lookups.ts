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

export async function productsBySlug(slugs: string[]): Promise<StoredProduct[]> {
  if (slugs.length === 0) return [];
  return db.product.findMany({
    where: { slug: { in: slugs } },
    select: { id: true, slug: true, name: true, description: true, categoryId: true, published: true, featured: true, metaTitle: true, metaDescription: true },
  });
}

export async function variantsBySku(skus: string[]): Promise<StoredVariant[]> {
  if (skus.length === 0) return [];
  const rows = await db.productVariant.findMany({
    where: { sku: { in: skus } },
    select: {
      sku: true,
      optionValues: true,
      priceMinor: true,
      compareAtPriceMinor: true,
      stock: true,
      weightGrams: true,
      maxPerOrder: true,
      archivedAt: true,
      product: { select: { slug: true } },
    },
  });
  return rows.map(({ product, archivedAt, ...variant }) => ({ ...variant, slug: product.slug, archived: archivedAt !== null }));
}

/** The stored options and live variants of existing products: what the file's option layout must agree with. */
export async function optionLayouts(productIds: string[]) {
  const [options, variants] = await Promise.all([
    db.productOption.findMany({ where: { productId: { in: productIds } }, select: { productId: true, name: true, position: true, values: true }, orderBy: { position: "asc" } }),
    db.productVariant.findMany({ where: { productId: { in: productIds }, archivedAt: null }, select: { productId: true, sku: true, optionValues: true }, orderBy: { position: "asc" } }),
  ]);
  return { options, variants };
}
