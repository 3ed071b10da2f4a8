import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderEventDetail, OrderEventType } from "@/lib/orders/timeline-events";
import { releaseOrderDiscount } from "@/lib/dal/discounts/redemptions";

/**
 * Stock reservations. Reserving is one conditional UPDATE per variant
 * ("… SET stock = stock - q WHERE stock >= q"), so concurrent checkouts of the
 * last units serialise on the variant row and the loser's update matches
 * nothing: no read-then-write window, no oversell. A CHECK constraint
 * (stock >= 0) backs it up.
 */
export async function reserveStock(tx: Prisma.TransactionClient, variantId: string, quantity: number): Promise<boolean> {
  const result = await tx.productVariant.updateMany({
    where: { id: variantId, archivedAt: null, product: { published: true }, stock: { gte: quantity } },
    data: { stock: { decrement: quantity } },
  });
  return result.count === 1;
}

/**
 * Gives an order's reserved stock back, once: `stockReleasedAt` is claimed
 * with a conditional update first, so a second caller (an expiry job racing a
 * webhook) releases nothing.
 */
export async function releaseReservedStock(tx: Prisma.TransactionClient, orderId: string, now: Date): Promise<boolean> {
  const claimed = await tx.order.updateMany({ where: { id: orderId, stockReleasedAt: null }, data: { stockReleasedAt: now } });
  if (claimed.count === 0) return false;
  const items = await tx.orderItem.findMany({
    where: { orderId, variantId: { not: null } },
    select: { variantId: true, quantity: true },
    orderBy: { variantId: "asc" }, // one lock order everywhere: no deadlock with a concurrent reservation
  });
  for (const item of items) {
    if (item.variantId) await tx.productVariant.update({ where: { id: item.variantId }, data: { stock: { increment: item.quantity } } });
  }
  return true;
}

/** How an unpaid order ended: expired or cancelled (by staff or the shop), or its delayed payment failed. */
export type UnpaidOrderEnd = {
  status: "cancelled" | "failed";
  actor: "customer" | "staff" | "system";
  staffId?: string;
  reason?: string;
};

/**
 * Ends an unpaid order, releases its stock (and the discount-code use it
 * held) and puts the step on its timeline
 * (the caller has locked the row and checked the transition).
 */
export async function cancelUnpaidOrder(tx: Prisma.TransactionClient, orderId: string, now: Date, end: UnpaidOrderEnd): Promise<void> {
  await tx.order.update({ where: { id: orderId }, data: { paymentStatus: end.status, cancelledAt: now } });
  await releaseReservedStock(tx, orderId, now);
  await releaseOrderDiscount(tx, orderId, now);
  await recordOrderEvent(tx, {
    orderId,
    type: end.status === "failed" ? "payment.failed" : "payment.cancelled",
    actor: end.actor,
    staffId: end.staffId,
    detail: end.reason ? { reason: end.reason } : undefined,
  });
}

/** Locks an order row for the rest of the transaction (SELECT … FOR UPDATE): its changes then happen one at a time. */
export async function lockOrder(tx: Prisma.TransactionClient, orderId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
  return rows.length === 1;
}

export type OrderEventInput = {
  orderId: string;
  type: OrderEventType;
  actor: "customer" | "staff" | "system";
  staffId?: string | null;
  detail?: OrderEventDetail;
  /** False for what only staff follow (a hold, a refund being asked for). */
  customerVisible?: boolean;
};

/** Appends a step to an order's timeline, in the caller's transaction (so it exists exactly when the change does). */
export async function recordOrderEvent(tx: Prisma.TransactionClient, input: OrderEventInput): Promise<void> {
  await tx.orderEvent.create({
    data: {
      orderId: input.orderId,
      type: input.type,
      actor: input.actor,
      staffId: input.staffId ?? null,
      detail: input.detail ? (JSON.parse(JSON.stringify(input.detail)) as Prisma.InputJsonObject) : undefined,
      customerVisible: input.customerVisible ?? true,
    },
  });
}
