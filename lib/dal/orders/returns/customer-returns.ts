import "server-only";
import { db } from "@/lib/db";
import type { Money } from "@/lib/catalog/money";
import { env } from "@/lib/env";
import { type ReturnStatus, returnableUnits, returnWindowEnd } from "@/lib/orders/return-status";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { heldReturnLines, linesOf, type ReturnLineView, returnSelect, unitsOf } from "./return-rows";
import { type ReturnScope, scopedOrderWhere } from "./return-scope";
import { orderLineName } from "@/lib/orders/order-line-name";

/** A line of the order as the return form offers it: how many shipped, how many may still be sent back. */
export type CustomerReturnableLineDTO = { orderItemId: string; name: string; unitPrice: Money; shipped: number; returnable: number };

/** One of the order's returns as the customer follows it (never who at the shop decided). */
export type CustomerReturnDTO = {
  id: string;
  status: ReturnStatus;
  requestedAt: Date;
  units: number;
  lines: ReturnLineView[];
  /** Why it was declined, when it was. */
  rejectionReason: string | null;
  /** The refund once the processor confirmed it. */
  refunded: Money | null;
};

export type CustomerOrderReturnsDTO = {
  /** Whether the form is offered: shipped, inside the window, units left to send back. */
  canRequest: boolean;
  /** Null until the parcel ships. */
  windowEndsAt: Date | null;
  lines: CustomerReturnableLineDTO[];
  returns: CustomerReturnDTO[];
};

async function readReturns(scope: ReturnScope, now: Date): Promise<CustomerOrderReturnsDTO | null> {
  const order = await db.order.findFirst({
    where: scopedOrderWhere(scope),
    select: {
      id: true,
      currency: true,
      fulfillmentStatus: true,
      shippedAt: true,
      deliveredAt: true,
      items: { select: { id: true, productName: true, variantTitle: true, unitPriceMinor: true, quantity: true }, orderBy: { productName: "asc" } },
      returns: { select: returnSelect, orderBy: { requestedAt: "desc" } },
    },
  });
  if (!order) return null;
  const left = returnableUnits(order.items, await heldReturnLines(db, order.id));
  const windowEndsAt = returnWindowEnd(order, env.RETURN_WINDOW_DAYS);
  const lines = order.items.map((item) => ({
    orderItemId: item.id,
    name: orderLineName(item),
    unitPrice: { amountMinor: item.unitPriceMinor, currency: order.currency },
    shipped: item.quantity,
    returnable: Math.max(0, left.get(item.id) ?? 0),
  }));
  const shipped = order.fulfillmentStatus === "shipped" || order.fulfillmentStatus === "delivered";
  return {
    canRequest: shipped && windowEndsAt !== null && now <= windowEndsAt && lines.some((line) => line.returnable > 0),
    windowEndsAt,
    lines,
    returns: order.returns.map((row) => ({
      id: row.id,
      status: row.status,
      requestedAt: row.requestedAt,
      units: unitsOf(row),
      lines: linesOf(row, order.currency),
      rejectionReason: row.status === "rejected" ? row.rejectionReason : null,
      refunded: row.status === "refunded" && row.refund ? { amountMinor: row.refund.amountMinor, currency: order.currency } : null,
    })),
  };
}

/** The returns of one of the viewer's orders and what may still be returned; null for an order that is not theirs. */
export function getMyOrderReturns(viewer: ActiveSession, orderId: string, now = new Date()): Promise<CustomerOrderReturnsDTO | null> {
  return readReturns({ kind: "owner", userId: viewer.userId, orderId }, now);
}

/**
 * The same for an order reached through its order-status link. Call only
 * after the link was verified and resolved to `orderId`: this checks nothing
 * about who is asking.
 */
export function getOrderReturnsForVerifiedStatusLink(orderId: string, now = new Date()): Promise<CustomerOrderReturnsDTO | null> {
  return readReturns({ kind: "verified-status-link", orderId }, now);
}
