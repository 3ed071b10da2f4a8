import "server-only";
import { db } from "@/lib/db";
import { type PublicProductDTO, publicProductSelect, toPublicProduct } from "./dto";

/** One page of the published catalog for the app, in a stable order, and where the next page starts. */
export type PublicProductFeedDTO = { products: PublicProductDTO[]; nextAfter: string | null };

/**
 * Keyset pagination over published products by id (stable while products
 * change, unlike an offset), optionally within one category. `after` is the
 * last id of the previous page, taken from an opaque cursor; ids never reach
 * the DTO itself.
 */
export async function listPublishedProducts(options: { after: string | null; take: number; categorySlug?: string }): Promise<PublicProductFeedDTO> {
  const rows = await db.product.findMany({
    where: { published: true, ...(options.categorySlug ? { category: { slug: options.categorySlug } } : {}), ...(options.after ? { id: { gt: options.after } } : {}) },
    select: { id: true, ...publicProductSelect },
    orderBy: { id: "asc" },
    take: options.take + 1,
  });
  const page = rows.slice(0, options.take);
  const last = page.at(-1);
  return { products: page.map(toPublicProduct), nextAfter: rows.length > options.take && last ? last.id : null };
}
