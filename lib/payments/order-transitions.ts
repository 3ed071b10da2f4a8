/** The order statuses (the OrderStatus enum of prisma/schema.prisma; a test keeps them equal). */
export const ORDER_STATUSES = [
  "pending_payment",
  "paid",
  "fulfilled",
  "cancelled",
  "partially_refunded",
  "refunded",
  "on_hold",
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The order state machine. A status changes only along these edges; webhook
 * processing and staff actions both ask `canTransition` first, so a reordered,
 * replayed or forged event cannot move an order backwards (e.g. a late
 * "expired" after "paid").
 *
 * - pending_payment → paid (payment reconciled), cancelled (expired, failed),
 *   on_hold (paid amount or currency does not match the order; a payment came through a replaced checkout)
 * - paid → fulfilled, partially_refunded, refunded, on_hold (a second payment arrived: staff look before it ships)
 * - fulfilled → partially_refunded, refunded
 * - partially_refunded → partially_refunded (another refund), refunded, fulfilled
 * - on_hold → paid (staff release), cancelled, partially_refunded, refunded
 * - cancelled → on_hold (money arrived after the order was cancelled: it is refunded, staff look)
 * - refunded: final
 */
const transitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ["paid", "cancelled", "on_hold"],
  paid: ["fulfilled", "partially_refunded", "refunded", "on_hold"],
  fulfilled: ["partially_refunded", "refunded"],
  partially_refunded: ["partially_refunded", "refunded", "fulfilled"],
  on_hold: ["paid", "cancelled", "partially_refunded", "refunded"],
  cancelled: ["on_hold"],
  refunded: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return transitions[from].includes(to);
}

/** Statuses in which money has been captured and may be refunded. */
export const REFUNDABLE_STATUSES: readonly OrderStatus[] = ["paid", "fulfilled", "partially_refunded", "on_hold"];

/** The status after the processor reports `refundedMinor` of `capturedMinor` refunded in total. */
export function statusAfterRefund(capturedMinor: number, refundedMinor: number): OrderStatus {
  return refundedMinor >= capturedMinor ? "refunded" : "partially_refunded";
}
