import "server-only";
import { auditValues } from "@/lib/audit/audit-values";
import { db } from "@/lib/db";
import { productImagePath } from "@/lib/images/product-image-path";
import { type ImageUploadErrorCode, reencodeProductImage } from "@/lib/images/reencode-product-image";
import { appendAudit } from "@/lib/dal/audit/log";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { StaffViewer } from "@/lib/dal/staff/members";
import type { AuditContext } from "@/lib/context/request-context";

export type ImageUploadResult = { ok: true; imagePath: string } | { ok: false; code: ImageUploadErrorCode | "not_found" };

/**
 * Replaces a product's image with an upload. The DAL takes the raw upload and
 * re-encodes it itself, so nothing reaches the table (or the browser) that
 * did not pass the content check and the re-encoding, whoever the caller is.
 * The product's earlier images are deleted in the same transaction (each
 * product keeps one), and the change is audited ("product.image_uploaded").
 */
export async function uploadProductImage(
  viewer: StaffViewer,
  productId: string,
  upload: Uint8Array,
  context: AuditContext,
): Promise<ImageUploadResult> {
  assertPermission(viewer, "products:write");
  const exists = await db.product.findUnique({ where: { id: productId }, select: { id: true } });
  if (!exists) return { ok: false, code: "not_found" };
  // Decoding is the slow part: done before the transaction, which then holds locks for milliseconds.
  const processed = await reencodeProductImage(upload);
  if (!processed.ok) return processed;
  const { image } = processed;
  return db.$transaction(async (tx): Promise<ImageUploadResult> => {
    const before = await tx.product.findUnique({ where: { id: productId }, select: { imagePath: true } });
    if (!before) return { ok: false, code: "not_found" };
    const stored = await tx.productImage.create({
      data: { productId, contentType: image.contentType, bytes: image.bytes, width: image.width, height: image.height },
      select: { id: true },
    });
    const imagePath = productImagePath(stored.id);
    await tx.product.update({ where: { id: productId }, data: { imagePath }, select: { id: true } });
    await tx.productImage.deleteMany({ where: { productId, id: { not: stored.id } } });
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: "product.image_uploaded",
      target: { type: "product", id: productId },
      before: auditValues("Product", { imagePath: before.imagePath }),
      after: { ...auditValues("Product", { imagePath }), contentType: image.contentType, width: image.width, height: image.height },
      outcome: "success",
      context,
    });
    return { ok: true, imagePath };
  });
}
