import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Stock reservations. Reserving is one conditional UPDATE per product
 * ("… SET stock = stock - q WHERE stock >= q"), so concurrent checkouts of the
 * last units serialise on the product row and the loser's update matches
 * nothing: no read-then-write window, no oversell. A CHECK constraint
 * (stock >= 0) backs it up.
 */
export async function reserveStock(tx: Prisma.TransactionClient, productId: string, quantity: number): Promise<boolean> {
  const result = await tx.product.updateMany({
    where: { id: productId, published: true, stock: { gte: quantity } },
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
    where: { orderId, productId: { not: null } },
    select: { productId: true, quantity: true },
    orderBy: { productId: "asc" }, // one lock order everywhere: no deadlock with a concurrent reservation
  });
  for (const item of items) {
    if (item.productId) await tx.product.update({ where: { id: item.productId }, data: { stock: { increment: item.quantity } } });
  }
  return true;
}

/** Cancels an unpaid order and releases its stock (the caller has locked the row and checked the transition). */
export async function cancelUnpaidOrder(tx: Prisma.TransactionClient, orderId: string, now: Date): Promise<void> {
  await tx.order.update({ where: { id: orderId }, data: { status: "cancelled", cancelledAt: now } });
  await releaseReservedStock(tx, orderId, now);
}

/** Locks an order row for the rest of the transaction (SELECT … FOR UPDATE): its changes then happen one at a time. */
export async function lockOrder(tx: Prisma.TransactionClient, orderId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
  return rows.length === 1;
}
