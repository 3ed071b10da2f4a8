import "server-only";
import type { Money } from "@/lib/catalog/money";
import type { Prisma } from "@/lib/generated/prisma/client";
import { UNIT_HOLDING_RETURN_STATUSES } from "@/lib/orders/return-status";
import { orderLineName } from "@/lib/orders/order-line-name";

/** The columns of a return that both audiences' views start from. */
export const returnSelect = {
  id: true,
  status: true,
  requestedAt: true,
  decidedAt: true,
  receivedAt: true,
  refundedAt: true,
  rejectionReason: true,
  refund: { select: { amountMinor: true, status: true } },
  lines: {
    select: { quantity: true, orderItem: { select: { id: true, productName: true, variantTitle: true, unitPriceMinor: true } } },
    orderBy: { orderItem: { productName: "asc" } },
  },
} as const satisfies Prisma.OrderReturnSelect;

export type ReturnRow = Prisma.OrderReturnGetPayload<{ select: typeof returnSelect }>;

export type ReturnLineView = { name: string; quantity: number; unitPrice: Money };

export function unitsOf(row: Pick<ReturnRow, "lines">): number {
  return row.lines.reduce((sum, line) => sum + line.quantity, 0);
}

/** What the returned units cost (unit price × units): the refund a return suggests, and its cap. */
export function valueOf(row: Pick<ReturnRow, "lines">): number {
  return row.lines.reduce((sum, line) => sum + line.orderItem.unitPriceMinor * line.quantity, 0);
}

/**
 * What the returned units were actually paid: their value less their share of
 * the order's discount (the discount spread over the goods in proportion,
 * the share rounded up), so a return never refunds more than was paid for it.
 */
export function paidValueOf(row: Pick<ReturnRow, "lines">, order: { subtotalMinor: number; discountMinor: number }): number {
  const value = valueOf(row);
  if (order.discountMinor <= 0 || order.subtotalMinor <= 0) return value;
  return value - Math.ceil((value * order.discountMinor) / order.subtotalMinor);
}

export function linesOf(row: Pick<ReturnRow, "lines">, currency: string): ReturnLineView[] {
  return row.lines.map((line) => ({
    name: orderLineName(line.orderItem),
    quantity: line.quantity,
    unitPrice: { amountMinor: line.orderItem.unitPriceMinor, currency },
  }));
}

/** The return lines of an order that still hold their units (every return but a declined one). */
export function heldReturnLines(tx: Prisma.TransactionClient, orderId: string) {
  return tx.orderReturnLine.findMany({
    where: { orderReturn: { orderId, status: { in: [...UNIT_HOLDING_RETURN_STATUSES] } } },
    select: { orderItemId: true, quantity: true },
  });
}

/** What a return's reason reads once its customer's account was erased (the return itself stays, for the accounts). */
export const ERASED_RETURN_REASON = "(erased with the account)";

/** Erases the customer's own words from their returns (account erasure), in the caller's transaction. */
export async function eraseReturnReasons(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.orderReturn.updateMany({ where: { order: { userId } }, data: { reason: ERASED_RETURN_REASON } });
}
