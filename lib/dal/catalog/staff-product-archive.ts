import "server-only";
import { auditValues } from "@/lib/audit/audit-values";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/dal/audit/log";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { StaffViewer } from "@/lib/dal/staff/members";
import type { AuditContext } from "@/lib/context/request-context";

export type ArchiveResult = { ok: true; changed: boolean } | { ok: false; code: "not_found" };

/**
 * Archives a product (unpublished in the same write: gone from the shop, carts
 * show it as unavailable, orders keep it) or restores it as an unpublished
 * draft ("product.archived" / "product.restored"). One conditional update, so
 * two staff members pressing the same button write one change and one entry.
 */
export async function setProductArchived(viewer: StaffViewer, productId: string, archived: boolean, context: AuditContext): Promise<ArchiveResult> {
  assertPermission(viewer, "products:write");
  return db.$transaction(async (tx): Promise<ArchiveResult> => {
    const before = await tx.product.findUnique({ where: { id: productId }, select: { published: true } });
    if (!before) return { ok: false, code: "not_found" };
    const flipped = await tx.product.updateMany({
      where: { id: productId, archivedAt: archived ? null : { not: null } },
      data: archived ? { archivedAt: new Date(), published: false } : { archivedAt: null },
    });
    if (flipped.count === 0) return { ok: true, changed: false };
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: archived ? "product.archived" : "product.restored",
      target: { type: "product", id: productId },
      before: auditValues("Product", { archived: !archived, published: before.published }),
      after: auditValues("Product", { archived, published: false }),
      outcome: "success",
      context,
    });
    return { ok: true, changed: true };
  });
}
