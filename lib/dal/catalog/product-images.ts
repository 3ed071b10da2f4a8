import "server-only";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { ProductImageWidth } from "@/lib/images/image-widths";
import type { StaffViewer } from "@/lib/dal/staff/members";

/**
 * A stored product image as the image route serves it. `audience` says who may
 * keep a copy: "public" (a published product's image, cacheable by anyone) or
 * "staff" (an unpublished product's, shown only to staff who read the catalog).
 * `scaleTo` is set only for an image stored before widths were stored with
 * each upload (migration product_gallery): the route scales it on the way out.
 */
export type ProductImageFileDTO = {
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
  audience: "public" | "staff";
  scaleTo?: ProductImageWidth;
};

/**
 * The image `imageId` at `width` (null: as stored), if the asker may see it.
 * A published product's image is public (see the data classes); an
 * unpublished product is not public yet, so neither is its image: only staff
 * with products:read get it. `staffViewer` is asked only then, so public
 * images cost no session lookup. A width at or above the image's own is the
 * image itself (never enlarged); a narrower one is its stored rendition. Only
 * bytes the server re-encoded itself are ever stored
 * (lib/dal/catalog/staff-product-images.ts).
 */
export async function getProductImageFile(
  imageId: string,
  width: ProductImageWidth | null = null,
  staffViewer: () => Promise<StaffViewer | null> = async () => null,
): Promise<ProductImageFileDTO | null> {
  const image = await db.productImage.findUnique({
    where: { id: imageId },
    select: { width: true, product: { select: { published: true } } },
  });
  if (!image) return null;
  let audience: ProductImageFileDTO["audience"] = "public";
  if (!image.product.published) {
    const viewer = await staffViewer();
    if (!viewer || !can(viewer.role, "products:read")) return null;
    audience = "staff";
  }
  if (width !== null && width < image.width) {
    const rendition = await db.productImageRendition.findUnique({
      where: { imageId_width: { imageId, width } },
      select: { contentType: true, bytes: true },
    });
    if (rendition) return { ...rendition, audience };
  }
  const original = await db.productImage.findUnique({ where: { id: imageId }, select: { contentType: true, bytes: true } });
  if (!original) return null;
  const scaleTo = width !== null && width < image.width ? width : undefined;
  return { ...original, audience, ...(scaleTo ? { scaleTo } : {}) };
}
