import { canChangeFulfillment, type FulfillmentStatus } from "./fulfillment-status";
import { type PaymentStatus, REFUNDABLE_PAYMENT_STATUSES, SHIPPABLE_PAYMENT_STATUSES } from "./payment-status";

/**
 * What may happen to an order next, judged from the order alone (who may do it
 * is the permission's business). The staff and customer order DTOs and the
 * mutations all ask these, so a button is shown exactly when its mutation
 * would accept.
 */
export type OrderFacts = {
  paymentStatus: PaymentStatus;
  fulfillmentStatus: FulfillmentStatus;
  /** The processor's payment, once one has been taken. */
  paymentIntentId: string | null;
  /** Where the fraud review stands (lib/orders/fraud); null until the paid order is scored. */
  fraudReview: FraudReviewState | null;
};

export type FraudReviewState = "approved" | "held" | "released" | "cancelled";

type Statuses = Pick<OrderFacts, "paymentStatus" | "fulfillmentStatus" | "fraudReview">;

/** A parcel may not be packed or shipped while staff review the order, nor after the review cancelled it. */
export function blockedByFraudReview(order: Pick<OrderFacts, "fraudReview">): boolean {
  return order.fraudReview === "held" || order.fraudReview === "cancelled";
}

function mayFulfil(order: Statuses, to: FulfillmentStatus): boolean {
  return SHIPPABLE_PAYMENT_STATUSES.includes(order.paymentStatus) && !blockedByFraudReview(order) && canChangeFulfillment(order.fulfillmentStatus, to);
}

/** A paid order (or one partly refunded) that has not left yet can be packed. */
export function canPackOrder(order: Statuses): boolean {
  return mayFulfil(order, "packed");
}

/** A paid order (or one partly refunded) that has not left yet can be shipped; refunds never undo that. */
export function canShipOrder(order: Statuses): boolean {
  return mayFulfil(order, "shipped");
}

/**
 * An order waiting for its parcel: paid (or partly refunded) and not shipped
 * yet. The to-ship queue, and the only orders whose full delivery address the
 * fulfilment staff see.
 */
export function awaitsShipment(order: Statuses): boolean {
  return canShipOrder(order);
}

/** A packing slip is printed for an order waiting to ship, and may be printed again once it has shipped. */
export function canPrintPackingSlip(order: Statuses): boolean {
  return awaitsShipment(order) || order.fulfillmentStatus === "shipped";
}

/** A shipped parcel can be marked delivered, whatever happened to the money since. */
export function canMarkDelivered(order: Statuses): boolean {
  return canChangeFulfillment(order.fulfillmentStatus, "delivered");
}

/**
 * An order that has not been paid can be cancelled (its stock is released);
 * one held because a stray payment came in too, or it would hold its stock
 * forever. A paid order is refunded instead, never cancelled.
 */
export function canCancelOrder(order: Pick<OrderFacts, "paymentStatus" | "paymentIntentId">): boolean {
  const unpaid = order.paymentStatus === "pending" || order.paymentStatus === "on_hold";
  return unpaid && order.paymentIntentId === null;
}

/** Whether the order holds a captured payment that refunds may draw on. */
export function hasRefundablePayment(order: Pick<OrderFacts, "paymentStatus" | "paymentIntentId">): boolean {
  return REFUNDABLE_PAYMENT_STATUSES.includes(order.paymentStatus) && order.paymentIntentId !== null;
}

/** An order with a captured payment can be refunded while some of it (`refundableMinor`) is left. */
export function canRefundOrder(order: Pick<OrderFacts, "paymentStatus" | "paymentIntentId"> & { refundableMinor: number }): boolean {
  return hasRefundablePayment(order) && order.refundableMinor > 0;
}

/** The customer can pay an order that awaits payment while its stock is still reserved. */
export function canPayOrder(order: Pick<OrderFacts, "paymentStatus" | "paymentIntentId"> & { reservationExpiresAt: Date }, now: Date): boolean {
  return order.paymentStatus === "pending" && order.paymentIntentId === null && order.reservationExpiresAt > now;
}
