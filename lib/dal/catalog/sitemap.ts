import "server-only";
import { db } from "@/lib/db";

/**
 * What the sitemap (app/sitemap.ts) may tell anyone about the catalog: the
 * slugs of published products and of categories, and the day each last
 * changed. Only the day (YYYY-MM-DD), never the time: `updatedAt` is internal
 * and also moves when stock does (orders, adjustments), so a timestamp would
 * let anyone watch a product's sales; a day is what sitemaps need.
 */
export type PublicSitemapProductDTO = { slug: string; lastModified: string };
export type PublicSitemapCategoryDTO = { slug: string; lastModified: string | null };
export type PublicSitemapCatalogDTO = { products: PublicSitemapProductDTO[]; categories: PublicSitemapCategoryDTO[] };

/** The UTC day of `at`, as a sitemap's W3C date. */
export function sitemapDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Every published product and every category, for the sitemap. The catalog is
 * public, so there is no guard beyond `published` (as in ./products.ts). A
 * category has no change time of its own: its listing changes when one of its
 * published products does, so it takes the latest of theirs (null when empty).
 */
export async function listSitemapCatalog(): Promise<PublicSitemapCatalogDTO> {
  const [products, categories] = await Promise.all([
    db.product.findMany({ where: { published: true }, select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
    db.category.findMany({
      where: { archivedAt: null },
      select: {
        slug: true,
        products: { where: { published: true }, select: { updatedAt: true }, orderBy: { updatedAt: "desc" }, take: 1 },
      },
      orderBy: [{ position: "asc" }, { name: "asc" }],
    }),
  ]);
  return {
    products: products.map((product) => ({ slug: product.slug, lastModified: sitemapDay(product.updatedAt) })),
    categories: categories.map((category) => {
      const latest = category.products[0];
      return { slug: category.slug, lastModified: latest ? sitemapDay(latest.updatedAt) : null };
    }),
  };
}
