import "server-only";
import { auditValues } from "@/lib/audit/audit-values";
import { db } from "@/lib/db";
import { MAX_PRODUCT_IMAGES } from "@/lib/images/gallery-limits";
import { imageAltSchema } from "@/lib/images/image-alt";
import { makeProductImageRenditions } from "@/lib/images/product-image-renditions";
import { reencodeProductImage } from "@/lib/images/reencode-product-image";
import { appendAudit } from "@/lib/dal/audit/log";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { StaffViewer } from "@/lib/dal/staff/members";
import type { AuditContext } from "@/lib/context/request-context";
import { lockGallery, saveGalleryOrder } from "./product-gallery-internal";
import { ProductImageError, type ImageUploadResult } from "./product-image-errors";

export { ProductImageError, type ImageUploadResult } from "./product-image-errors";

/**
 * Adds an upload to the end of a product's gallery, described by `alt`. The
 * DAL takes the raw upload and re-encodes it itself, so nothing reaches the
 * table (or the browser) that did not pass the content check and the
 * re-encoding, whoever the caller is; its srcset widths are stored with it.
 * A product holds at most MAX_PRODUCT_IMAGES: the count is taken under the
 * product row's lock, so two uploads at once cannot both be the tenth. The
 * first image is the cover (Product.imagePath). Audited as
 * "product.image_uploaded".
 */
export async function addProductImage(
  viewer: StaffViewer,
  productId: string,
  upload: { bytes: Uint8Array; alt: string },
  context: AuditContext,
): Promise<ImageUploadResult> {
  assertPermission(viewer, "products:write");
  const alt = imageAltSchema.safeParse(upload.alt);
  if (!alt.success) return { ok: false, code: ProductImageError.invalidAlt };
  const count = await db.productImage.count({ where: { productId } });
  if (count >= MAX_PRODUCT_IMAGES) return { ok: false, code: ProductImageError.tooManyImages };
  const exists = await db.product.findUnique({ where: { id: productId }, select: { id: true } });
  if (!exists) return { ok: false, code: ProductImageError.notFound };
  // Decoding and resizing are the slow part: done before the transaction, which then holds the lock for milliseconds.
  const processed = await reencodeProductImage(upload.bytes);
  if (!processed.ok) return processed;
  const { image } = processed;
  const renditions = await makeProductImageRenditions(image);
  return db.$transaction(async (tx): Promise<ImageUploadResult> => {
    const gallery = await lockGallery(tx, productId);
    if (!gallery) return { ok: false, code: ProductImageError.notFound };
    // The check that counts: the one above only spares decoding a doomed upload.
    if (gallery.images.length >= MAX_PRODUCT_IMAGES) return { ok: false, code: ProductImageError.tooManyImages };
    const stored = await tx.productImage.create({
      data: {
        productId,
        position: gallery.images.length,
        alt: alt.data,
        contentType: image.contentType,
        bytes: image.bytes,
        width: image.width,
        height: image.height,
        renditions: { create: renditions },
      },
      select: { id: true },
    });
    const imagePath = await saveGalleryOrder(tx, productId, [...gallery.images.map((each) => each.id), stored.id]);
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: "product.image_uploaded",
      target: { type: "product", id: productId },
      before: auditValues("Product", { imagePath: gallery.imagePath }),
      after: {
        ...auditValues("Product", { imagePath }),
        ...auditValues("ProductImage", { id: stored.id, alt: alt.data, position: gallery.images.length }),
        contentType: image.contentType,
        width: image.width,
        height: image.height,
        widths: renditions.map((each) => each.width),
      },
      outcome: "success",
      context,
    });
    return { ok: true, imageId: stored.id, imagePath };
  });
}
