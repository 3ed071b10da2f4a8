import "server-only";
import { auditValues } from "@/lib/audit/audit-values";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/dal/audit/log";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { StaffViewer } from "@/lib/dal/staff/members";
import type { AuditContext } from "@/lib/context/request-context";

export type PublishResult = { ok: true; changed: boolean } | { ok: false; code: "not_found" | "category_archived" | "archived" | "no_live_variant" };

/**
 * Shows a product in the public catalog or hides it ("product.published" /
 * "product.unpublished"). The flip is one conditional update, so two staff
 * members pressing the same button write one change and one audit entry.
 * Hiding a product also keeps it out of new orders (reservations require
 * `published`); carts show it as no longer available. A product in an
 * archived category cannot be published: move it first; nor can an archived
 * product (restore it first), nor one whose variants are all archived (its
 * page would offer nothing to buy).
 */
export async function setProductPublished(
  viewer: StaffViewer,
  productId: string,
  published: boolean,
  context: AuditContext,
): Promise<PublishResult> {
  assertPermission(viewer, "products:write");
  return db.$transaction(async (tx): Promise<PublishResult> => {
    if (published) {
      // A product shows on its category's page: none in an archived one. The share lock waits
      // for an archiving in progress (which locks the row for update and counts published products).
      const [category] = await tx.$queryRaw<{ archivedAt: Date | null; productArchivedAt: Date | null }[]>`
        SELECT c."archivedAt", p."archivedAt" AS "productArchivedAt" FROM "Category" c JOIN "Product" p ON p."categoryId" = c.id
         WHERE p.id = ${productId} FOR SHARE OF c`;
      if (category?.productArchivedAt) return { ok: false, code: "archived" };
      if (category?.archivedAt) return { ok: false, code: "category_archived" };
      // The product row's lock, as archiving a variant takes it: no variant is archived between this count and the flip.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Product" WHERE id = ${productId} FOR UPDATE`;
      if (locked.length === 0) return { ok: false, code: "not_found" };
      if ((await tx.productVariant.count({ where: { productId, archivedAt: null } })) === 0) return { ok: false, code: "no_live_variant" };
    }
    // Never an archived product, even one archived since the check above (the database's CHECK agrees).
    const flipped = await tx.product.updateMany({ where: { id: productId, published: !published, ...(published && { archivedAt: null }) }, data: { published } });
    if (flipped.count === 0) {
      const exists = await tx.product.findUnique({ where: { id: productId }, select: { id: true } });
      return exists ? { ok: true, changed: false } : { ok: false, code: "not_found" };
    }
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: published ? "product.published" : "product.unpublished",
      target: { type: "product", id: productId },
      before: auditValues("Product", { published: !published }),
      after: auditValues("Product", { published }),
      outcome: "success",
      context,
    });
    return { ok: true, changed: true };
  });
}
