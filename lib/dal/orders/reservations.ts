import "server-only";
import { db } from "@/lib/db";
import { cancelUnpaidOrder, lockOrder } from "./internal";

export type ReservationExpiry =
  | { outcome: "cancelled"; checkoutSessionId: string | null }
  /** Paid, cancelled already, or awaiting a delayed payment's result: nothing to release. */
  | { outcome: "kept" }
  /** The reservation has not ended yet (the job ran early): try again later. */
  | { outcome: "not_due" };

/**
 * Ends the reservation of an unpaid order: the order is cancelled and its
 * stock goes back on sale. An order whose hosted checkout completed with a
 * delayed payment method keeps its stock until that payment's result arrives.
 */
export async function expireReservation(orderId: string, now = new Date()): Promise<ReservationExpiry> {
  return db.$transaction(async (tx) => {
    if (!(await lockOrder(tx, orderId))) return { outcome: "kept" };
    const order = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      select: { paymentStatus: true, paymentIntentId: true, reservationExpiresAt: true, checkoutSessionId: true },
    });
    if (order.paymentStatus !== "pending" || order.paymentIntentId) return { outcome: "kept" };
    if (order.reservationExpiresAt > now) return { outcome: "not_due" };
    await cancelUnpaidOrder(tx, orderId, now, { status: "cancelled", actor: "system" });
    return { outcome: "cancelled", checkoutSessionId: order.checkoutSessionId };
  });
}
