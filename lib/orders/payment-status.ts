/** Where an order's money stands (the PaymentStatus enum of prisma/schema.prisma; a test keeps them equal). */
export const PAYMENT_STATUSES = ["pending", "paid", "partially_refunded", "refunded", "failed", "on_hold", "cancelled"] as const;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * The payment state machine. The payment status changes only along these
 * edges; webhook processing and staff actions both ask `canChangePayment`
 * first, so a reordered, replayed or forged event cannot move an order
 * backwards (e.g. a late "expired" after "paid"). Shipping never appears here:
 * the parcel has its own table (fulfillment-status.ts).
 *
 * - pending → paid (payment reconciled), cancelled (expired, cancelled by staff), failed (a delayed
 *   payment method failed), on_hold (paid amount or currency does not match; a payment came through a replaced checkout)
 * - paid → partially_refunded, refunded, on_hold (a second payment arrived: staff look before it ships)
 * - partially_refunded → partially_refunded (another refund), refunded
 * - on_hold → paid (staff release), cancelled, partially_refunded, refunded
 * - cancelled, failed → on_hold (money arrived after the order ended: it is refunded, staff look)
 * - refunded: final
 */
const transitions: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  pending: ["paid", "cancelled", "failed", "on_hold"],
  paid: ["partially_refunded", "refunded", "on_hold"],
  partially_refunded: ["partially_refunded", "refunded"],
  on_hold: ["paid", "cancelled", "partially_refunded", "refunded"],
  cancelled: ["on_hold"],
  failed: ["on_hold"],
  refunded: [],
};

export function canChangePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return transitions[from].includes(to);
}

/** Payment statuses in which money has been captured and may be refunded. */
export const REFUNDABLE_PAYMENT_STATUSES: readonly PaymentStatus[] = ["paid", "partially_refunded", "on_hold"];

/** Payment statuses in which the order may be packed and shipped (on hold waits for staff). */
export const SHIPPABLE_PAYMENT_STATUSES: readonly PaymentStatus[] = ["paid", "partially_refunded"];

/** Payment statuses of an order that ended without money kept: nothing to ship, nothing to refund. */
export const ENDED_PAYMENT_STATUSES: readonly PaymentStatus[] = ["cancelled", "failed"];

/** The payment status after the processor reports `refundedMinor` of `capturedMinor` refunded in total. */
export function paymentStatusAfterRefund(capturedMinor: number, refundedMinor: number): PaymentStatus {
  return refundedMinor >= capturedMinor ? "refunded" : "partially_refunded";
}
