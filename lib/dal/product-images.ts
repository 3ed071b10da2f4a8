import "server-only";
import { db } from "@/lib/db";

/** A stored product image as the image route serves it. */
export type ProductImageFileDTO = { contentType: string; bytes: Uint8Array<ArrayBuffer> };

// Product images are public (see the data classes): no guard. Only bytes the
// server re-encoded itself are ever stored (lib/dal/admin-products-images.ts).
export async function getProductImageFile(imageId: string): Promise<ProductImageFileDTO | null> {
  return db.productImage.findUnique({ where: { id: imageId }, select: { contentType: true, bytes: true } });
}
