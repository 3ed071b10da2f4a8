import { canTransition, REFUNDABLE_STATUSES, type OrderStatus } from "./order-transitions";

/**
 * What may happen to an order next, judged from the order alone (who may do it
 * is the permission's business). The staff order DTO and the staff mutations
 * both ask these, so a button is shown exactly when its mutation would accept.
 */
export type OrderFacts = {
  status: OrderStatus;
  /** The processor's payment, once one has been taken. */
  paymentIntentId: string | null;
};

/** A paid order (or one partially refunded) can be marked shipped. */
export function canShipOrder(order: Pick<OrderFacts, "status">): boolean {
  return canTransition(order.status, "fulfilled");
}

/**
 * An order that has not been paid can be cancelled (its stock is released);
 * one held because a stray payment came in too, or it would hold its stock
 * forever. A paid order is refunded instead, never cancelled.
 */
export function canCancelOrder(order: OrderFacts): boolean {
  const unpaid = order.status === "pending_payment" || order.status === "on_hold";
  return unpaid && order.paymentIntentId === null;
}

/** Whether the order holds a captured payment that refunds may draw on. */
export function hasRefundablePayment(order: OrderFacts): boolean {
  return REFUNDABLE_STATUSES.includes(order.status) && order.paymentIntentId !== null;
}

/** An order with a captured payment can be refunded while some of it (`refundableMinor`) is left. */
export function canRefundOrder(order: OrderFacts & { refundableMinor: number }): boolean {
  return hasRefundablePayment(order) && order.refundableMinor > 0;
}

/** The customer can pay an order that awaits payment while its stock is still reserved. */
export function canPayOrder(order: OrderFacts & { reservationExpiresAt: Date }, now: Date): boolean {
  return order.status === "pending_payment" && order.paymentIntentId === null && order.reservationExpiresAt > now;
}
