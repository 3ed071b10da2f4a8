import "server-only";
import { auditValues } from "@/lib/audit/audit-values";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { imageAltSchema } from "@/lib/images/image-alt";
import { logger } from "@/lib/log/logger";
import { appendAudit } from "@/lib/dal/audit/log";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { StaffViewer } from "@/lib/dal/staff/members";
import type { AuditContext } from "@/lib/context/request-context";
import { type LockedGallery, lockGallery, saveGalleryOrder } from "./product-gallery-internal";
import { type GalleryChangeResult, ProductImageError } from "./product-image-errors";

type Edit = (tx: Prisma.TransactionClient, gallery: LockedGallery, index: number) => Promise<{ audit?: { before: object; after: object } }>;

/**
 * Runs one change to image `imageId` of product `productId` under the
 * product row's lock. The image must be one of that product's: an id of
 * another product's image (a tampered form) is refused as not found,
 * changes nothing and is logged. The cover follows whatever is first afterwards. Each
 * change that does something is audited as `action`.
 */
async function editGalleryImage(
  viewer: StaffViewer,
  target: { productId: string; imageId: string },
  action: string,
  context: AuditContext,
  edit: Edit,
): Promise<GalleryChangeResult> {
  assertPermission(viewer, "products:write");
  const { productId, imageId } = target;
  return db.$transaction(async (tx): Promise<GalleryChangeResult> => {
    const gallery = await lockGallery(tx, productId);
    if (!gallery) return { ok: false, code: ProductImageError.notFound };
    const index = gallery.images.findIndex((image) => image.id === imageId);
    if (index < 0) {
      // An image that exists under another product is a forged form, not a stale one: worth a trace.
      const elsewhere = await tx.productImage.findUnique({ where: { id: imageId }, select: { productId: true } });
      if (elsewhere) logger.warn({ actorId: viewer.userId, productId, imageId, action }, "gallery change named another product's image: refused");
      return { ok: false, code: ProductImageError.imageNotFound };
    }
    const { audit } = await edit(tx, gallery, index);
    if (!audit) return { ok: true, imagePath: gallery.imagePath };
    const imagePath = (await tx.product.findUniqueOrThrow({ where: { id: productId }, select: { imagePath: true } })).imagePath;
    const cover = imagePath === gallery.imagePath ? {} : { before: { imagePath: gallery.imagePath }, after: { imagePath } };
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action,
      target: { type: "product", id: productId },
      before: { imageId, ...audit.before, ...cover.before },
      after: { imageId, ...audit.after, ...cover.after },
      outcome: "success",
      context,
    });
    return { ok: true, imagePath };
  });
}

/** Changes an image's alt text ("product.image_alt_updated"); the same text again changes nothing. */
export async function updateProductImageAlt(
  viewer: StaffViewer,
  target: { productId: string; imageId: string },
  altInput: string,
  context: AuditContext,
): Promise<GalleryChangeResult> {
  assertPermission(viewer, "products:write");
  const alt = imageAltSchema.safeParse(altInput);
  if (!alt.success) return { ok: false, code: ProductImageError.invalidAlt };
  return editGalleryImage(viewer, target, "product.image_alt_updated", context, async (tx, gallery, index) => {
    const before = gallery.images[index]?.alt;
    if (before === alt.data) return {};
    await tx.productImage.update({ where: { id: target.imageId }, data: { alt: alt.data }, select: { id: true } });
    return { audit: { before: auditValues("ProductImage", { alt: before }), after: auditValues("ProductImage", { alt: alt.data }) } };
  });
}

export type ImageMove = "up" | "down";

/**
 * Moves an image one place earlier ("up") or later ("down") in the gallery
 * ("product.image_moved"). Moving the first image up, or the last down,
 * changes nothing. Moving an image into first place makes it the cover.
 */
export async function moveProductImage(
  viewer: StaffViewer,
  target: { productId: string; imageId: string },
  move: ImageMove,
  context: AuditContext,
): Promise<GalleryChangeResult> {
  return editGalleryImage(viewer, target, "product.image_moved", context, async (tx, gallery, index) => {
    const to = move === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= gallery.images.length) return {};
    const ids = gallery.images.map((image) => image.id);
    [ids[index], ids[to]] = [ids[to] as string, ids[index] as string];
    await saveGalleryOrder(tx, target.productId, ids);
    return { audit: { before: { position: index }, after: { position: to } } };
  });
}

/**
 * Deletes an image and its widths ("product.image_deleted"); the rest close
 * up. Deleting the cover makes the next image the cover, and deleting the
 * last one puts the placeholder back.
 */
export async function deleteProductImage(
  viewer: StaffViewer,
  target: { productId: string; imageId: string },
  context: AuditContext,
): Promise<GalleryChangeResult> {
  return editGalleryImage(viewer, target, "product.image_deleted", context, async (tx, gallery, index) => {
    await tx.productImage.delete({ where: { id: target.imageId }, select: { id: true } });
    const ids = gallery.images.map((image) => image.id).filter((id) => id !== target.imageId);
    await saveGalleryOrder(tx, target.productId, ids);
    return { audit: { before: auditValues("ProductImage", { position: index, alt: gallery.images[index]?.alt }), after: { deleted: true } } };
  });
}
