import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PLACEHOLDER_IMAGE_PATH, productImagePath } from "@/lib/images/product-image-path";

/** A product's gallery as a staff change finds it, with the product row locked. */
export type LockedGallery = { imagePath: string; images: { id: string; alt: string }[] };

/**
 * Locks the product row (SELECT … FOR UPDATE) for the rest of the transaction
 * and reads its images in order. Every gallery change takes this lock first,
 * so two uploads at once are counted one after the other (never an 11th
 * image) and positions are renumbered by one change at a time. Null when the
 * product does not exist.
 */
export async function lockGallery(tx: Prisma.TransactionClient, productId: string): Promise<LockedGallery | null> {
  const rows = await tx.$queryRaw<{ imagePath: string }[]>`SELECT "imagePath" FROM "Product" WHERE id = ${productId} FOR UPDATE`;
  const product = rows[0];
  if (!product) return null;
  const images = await tx.productImage.findMany({
    where: { productId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, alt: true },
  });
  return { imagePath: product.imagePath, images };
}

/**
 * Stores `ids` as the gallery's order (positions 0, 1, 2 … without gaps) and
 * points the product's cover (Product.imagePath, read by cards, feeds,
 * structured data and share tags) at the first, or at the placeholder when
 * none is left. Returns the cover's path.
 */
export async function saveGalleryOrder(tx: Prisma.TransactionClient, productId: string, ids: readonly string[]): Promise<string> {
  for (const [position, id] of ids.entries()) {
    await tx.productImage.updateMany({ where: { id, productId, position: { not: position } }, data: { position } });
  }
  const imagePath = ids[0] ? productImagePath(ids[0]) : PLACEHOLDER_IMAGE_PATH;
  await tx.product.updateMany({ where: { id: productId, imagePath: { not: imagePath } }, data: { imagePath } });
  return imagePath;
}
