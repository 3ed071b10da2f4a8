import "server-only";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { StaffViewer } from "@/lib/dal/staff/members";

/**
 * A stored product image as the image route serves it. `audience` says who may
 * keep a copy: "public" (a published product's image, cacheable by anyone) or
 * "staff" (an unpublished product's, shown only to staff who read the catalog).
 */
export type ProductImageFileDTO = { contentType: string; bytes: Uint8Array<ArrayBuffer>; audience: "public" | "staff" };

/**
 * The image `imageId`, if the asker may see it. A published product's image is
 * public (see the data classes); an unpublished product is not public yet, so
 * neither is its image: only staff with products:read get it. `staffViewer` is
 * asked only then, so public images cost no session lookup. Only bytes the
 * server re-encoded itself are ever stored (lib/dal/catalog/staff-product-images.ts).
 */
export async function getProductImageFile(
  imageId: string,
  staffViewer: () => Promise<StaffViewer | null> = async () => null,
): Promise<ProductImageFileDTO | null> {
  const image = await db.productImage.findUnique({
    where: { id: imageId },
    select: { contentType: true, bytes: true, product: { select: { published: true } } },
  });
  if (!image) return null;
  const file = { contentType: image.contentType, bytes: image.bytes };
  if (image.product.published) return { ...file, audience: "public" };
  const viewer = await staffViewer();
  return viewer && can(viewer.role, "products:read") ? { ...file, audience: "staff" } : null;
}
