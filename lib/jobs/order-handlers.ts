import "server-only";
import { z } from "zod";
import { expireReservation } from "@/lib/dal/order-reservations";
import { paymentGateway } from "@/lib/payments/payment-gateway";
import { type JobHandler, PermanentJobError } from "./job-types";

const orderJobSchema = z.object({ type: z.literal("reservation.expire"), orderId: z.string().min(1).max(40) });

/**
 * `orders` jobs. reservation.expire cancels an unpaid order when its
 * reservation ends, then closes its hosted checkout so it can no longer be paid.
 */
export const handleOrderJob: JobHandler = async (data, context) => {
  const parsed = orderJobSchema.safeParse(data);
  if (!parsed.success) throw new PermanentJobError("Invalid order job data.");
  const result = await expireReservation(parsed.data.orderId);
  if (result.outcome === "not_due") throw new Error("The reservation has not ended yet; retrying later.");
  if (result.outcome === "cancelled" && result.checkoutSessionId) {
    await paymentGateway()?.expireCheckout(result.checkoutSessionId);
  }
  context?.log.info({ orderId: parsed.data.orderId, outcome: result.outcome }, "reservation expiry");
};
