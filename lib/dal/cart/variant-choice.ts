import "server-only";
import { db } from "@/lib/db";
import { liveVariants } from "@/lib/dal/catalog/dto";

/** A product as a form or the app names it: by id (the product page's form) or by slug (the app). */
export type ProductRef = { productId: string } | { productSlug: string };

/**
 * The variant a shopper chose: the published product's live variant whose
 * option values are exactly `optionValues`, in the options' order (none for a
 * product without options). Null when there is no such product or combination,
 * so an id from another product, an archived variant or a made-up value all
 * read as "not available".
 */
export async function chooseVariant(product: ProductRef, optionValues: readonly string[]): Promise<string | null> {
  const where = "productId" in product ? { id: product.productId } : { slug: product.productSlug };
  const row = await db.product.findFirst({
    where: { ...where, published: true },
    select: { variants: { where: { ...liveVariants, optionValues: { equals: [...optionValues] } }, select: { id: true }, take: 1 } },
  });
  return row?.variants[0]?.id ?? null;
}
