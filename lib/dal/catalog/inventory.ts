import "server-only";
import { auditValues } from "@/lib/audit/audit-values";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/dal/audit/log";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { StaffViewer } from "@/lib/dal/staff/members";
import type { AuditContext } from "@/lib/context/request-context";
import { traceForeignVariant } from "./foreign-variant";

/** The most units one variant may hold; keeps `stock` far from the integer column's limit. */
export const MAX_STOCK = 1_000_000;

export type InventoryAdjustmentInput = { delta: number; reason: string };

export const InventoryError = {
  notFound: "not_found",
  belowZero: "below_zero",
  aboveMaximum: "above_maximum",
} as const;

export type InventoryErrorCode = (typeof InventoryError)[keyof typeof InventoryError];

export type InventoryResult = { ok: true; stock: number } | { ok: false; code: InventoryErrorCode; stock?: number };

/** A stock change as the product's admin page lists it. */
export type StaffInventoryAdjustmentDTO = {
  id: string;
  /** The variant whose stock changed. */
  sku: string;
  delta: number;
  reason: string;
  createdAt: Date;
  /** Whether the viewer made it; other staff are not named here (the audit log names them). */
  byViewer: boolean;
};

/**
 * Adds `delta` (negative to remove) to a variant's stock with one conditional
 * UPDATE: the row changes only if the result stays within 0..MAX_STOCK, so
 * concurrent adjustments and checkouts can never take stock below zero (the
 * CHECK constraint backs this up). The adjustment row and its audit entry
 * ("inventory.adjusted", stock before and after, the reason) are written in
 * the same transaction.
 */
export async function adjustInventory(
  viewer: StaffViewer,
  target: { productId: string; variantId: string },
  input: InventoryAdjustmentInput,
  context: AuditContext,
): Promise<InventoryResult> {
  assertPermission(viewer, "inventory:write");
  const { delta, reason } = input;
  const { productId, variantId } = target;
  // The action validates these for the person; this refuses a caller that did not.
  if (!Number.isSafeInteger(delta) || delta === 0 || Math.abs(delta) > MAX_STOCK) throw new RangeError("delta must be a non-zero integer");
  if (reason.trim().length < 3 || reason.length > 300) throw new RangeError("a reason of 3 to 300 characters is required");
  return db.$transaction(async (tx): Promise<InventoryResult> => {
    const updated = await tx.$queryRaw<{ stock: number; sku: string }[]>`
      UPDATE "ProductVariant" SET stock = stock + ${delta}, "updatedAt" = now()
       WHERE id = ${variantId} AND "productId" = ${productId} AND stock + ${delta} >= 0 AND stock + ${delta} <= ${MAX_STOCK}
      RETURNING stock, sku`;
    const row = updated[0];
    if (!row) {
      // A variant of another product is not found: the product the page is about decides.
      const variant = await tx.productVariant.findFirst({ where: { id: variantId, productId }, select: { stock: true } });
      if (!variant) {
        await traceForeignVariant(tx, viewer, target, "inventory.adjusted");
        return { ok: false, code: InventoryError.notFound };
      }
      return { ok: false, code: variant.stock + delta < 0 ? InventoryError.belowZero : InventoryError.aboveMaximum, stock: variant.stock };
    }
    const after = row.stock;
    await tx.inventoryAdjustment.create({ data: { variantId, delta, reason, actorId: viewer.userId }, select: { id: true } });
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: "inventory.adjusted",
      target: { type: "product", id: productId },
      before: auditValues("ProductVariant", { sku: row.sku, stock: after - delta }),
      after: { ...auditValues("ProductVariant", { stock: after }), delta },
      reason,
      outcome: "success",
      context,
    });
    return { ok: true, stock: after };
  });
}

/** The latest stock adjustments of the product's variants, newest first. */
export async function listRecentAdjustments(viewer: StaffViewer, productId: string, limit = 20): Promise<StaffInventoryAdjustmentDTO[]> {
  assertPermission(viewer, "products:read");
  const rows = await db.inventoryAdjustment.findMany({
    where: { variant: { productId } },
    select: { id: true, delta: true, reason: true, createdAt: true, actorId: true, variant: { select: { sku: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map(({ actorId, variant, ...row }) => ({ ...row, sku: variant.sku, byViewer: actorId === viewer.userId }));
}
