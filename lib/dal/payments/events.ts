import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { canChangePayment, type PaymentStatus, paymentStatusAfterRefund } from "@/lib/orders/payment-status";
import {
  type ChargeEvent,
  type CheckoutSessionEvent,
  type PaymentEvent,
  referenceId,
} from "@/lib/payments/webhook-event";
import { queueOrderConfirmation } from "@/lib/dal/orders/confirmation";
import { queueCustomerOrderMail } from "@/lib/dal/orders/customer-mail";
import { queueNewOrderStaffMail } from "@/lib/dal/orders/staff-order-mail";
import { cancelUnpaidOrder, lockOrder, recordOrderEvent } from "@/lib/dal/orders/internal";
import { settleReturnRefunds } from "@/lib/dal/orders/returns/refund-claim";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import { assessPaidOrder, queueFallbackAssessment } from "@/lib/dal/orders/fraud/assess";
import { holdStrayPayment } from "./stray-payments";
import { redeemOrderDiscount } from "@/lib/dal/discounts/redemptions";
import type { RequestContext } from "@/lib/context/request-context";

/**
 * What became of one verified event:
 * - applied: the order changed;
 * - ignored: no legal transition (a duplicate of another event, or out of order);
 * - held: money arrived that does not fit the order (amount, currency: on hold for staff; or a stray payment
 *   for a replaced checkout, a settled or a cancelled order: on hold, alerted and refunded);
 * - unmatched: no order of this shop;
 * - duplicate: this event id was processed before; nothing happened again.
 */
export type EventOutcome = "applied" | "ignored" | "held" | "unmatched" | "duplicate";

type LockedOrder = {
  id: string;
  number: string;
  userId: string | null;
  paymentStatus: PaymentStatus;
  currency: string;
  totalMinor: number;
  capturedMinor: number;
  refundedMinor: number;
  checkoutSessionId: string | null;
  paymentIntentId: string | null;
};

const orderSelect = {
  id: true,
  number: true,
  userId: true,
  paymentStatus: true,
  currency: true,
  totalMinor: true,
  capturedMinor: true,
  refundedMinor: true,
  checkoutSessionId: true,
  paymentIntentId: true,
} as const;

/**
 * Processes a verified payment event exactly once. The event id goes into
 * the ledger (unique) in the same transaction as the order change it causes,
 * with the order row locked: a redelivered event finds its id taken and does
 * nothing, two deliveries at once serialise on the ledger row, and a crash
 * rolls back both.
 */
export async function processPaymentEvent(event: PaymentEvent, context: RequestContext, now = new Date()): Promise<EventOutcome> {
  return db.$transaction(async (tx) => {
    const recorded = await tx.paymentEvent.createMany({
      data: [{ id: event.id, type: event.type, outcome: "received", livemode: event.livemode, createdAt: new Date(event.created * 1000) }],
      skipDuplicates: true,
    });
    if (recorded.count === 0) return "duplicate";
    const orderId = await orderIdOf(tx, event);
    const order = orderId && (await lockOrder(tx, orderId)) ? await tx.order.findUnique({ where: { id: orderId }, select: orderSelect }) : null;
    const outcome: EventOutcome = order ? await apply(tx, order, event, context, now) : "unmatched";
    await tx.paymentEvent.update({ where: { id: event.id }, data: { outcome, orderId: order?.id ?? null } });
    return outcome;
  });
}

async function orderIdOf(tx: Prisma.TransactionClient, event: PaymentEvent): Promise<string | null> {
  if (event.type.startsWith("checkout.session.")) {
    const session = (event as CheckoutSessionEvent).data.object;
    // The metadata is ours (the event is signed); an id that names no order finds nothing to lock.
    return session.metadata?.orderId ?? session.client_reference_id ?? null;
  }
  const paymentIntentId = referenceId((event as ChargeEvent).data.object.payment_intent);
  if (!paymentIntentId) return null;
  const order = await tx.order.findUnique({ where: { paymentIntentId }, select: { id: true } });
  return order?.id ?? null;
}

function apply(tx: Prisma.TransactionClient, order: LockedOrder, event: PaymentEvent, context: RequestContext, now: Date) {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      return onCheckoutPaid(tx, order, event, context, now);
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired":
      return onCheckoutEnded(tx, order, event, now);
    case "charge.succeeded":
      return onChargeSucceeded(tx, order, event, now);
    case "charge.refunded":
      return onChargeRefunded(tx, order, event, now);
  }
}

async function onCheckoutPaid(
  tx: Prisma.TransactionClient,
  order: LockedOrder,
  event: CheckoutSessionEvent,
  context: RequestContext,
  now: Date,
): Promise<EventOutcome> {
  const session = event.data.object;
  const paymentIntentId = referenceId(session.payment_intent);
  const current = session.id === order.checkoutSessionId;
  if (session.payment_status === "unpaid") {
    // A delayed payment method (bank debit): the result follows as async_payment_succeeded or _failed.
    // Until then the order keeps its stock; the reservation expiry leaves it alone. Only the order's
    // current checkout may claim it: a replaced one's result, if it succeeds, is a stray payment.
    if (!current || order.paymentStatus !== "pending" || order.paymentIntentId) return "ignored";
    await tx.order.update({ where: { id: order.id }, data: { paymentIntentId, checkoutSessionId: session.id } });
    return "applied";
  }
  const received = { amountMinor: session.amount_total ?? 0, currency: (session.currency ?? "").toUpperCase() };
  // This very payment was applied already (reported by another event): nothing new.
  if (paymentIntentId && paymentIntentId === order.paymentIntentId && order.paymentStatus !== "pending" && order.paymentStatus !== "cancelled" && order.paymentStatus !== "failed") {
    return "ignored";
  }
  if (!current || order.paymentStatus !== "pending") {
    const why = order.paymentStatus === "cancelled" || order.paymentStatus === "failed" ? "order_cancelled" : current ? "order_settled" : "stale_checkout";
    const stray = { checkoutSessionId: session.id, paymentIntentId, ...received, why } as const;
    return (await holdStrayPayment(tx, order, stray, context)) ? "held" : "ignored";
  }
  const paidData = { paymentIntentId, checkoutSessionId: session.id, capturedMinor: received.amountMinor, paidAt: now };
  // Money arrived for the order's own checkout: a discount code it held now counts as used (on hold or not).
  await redeemOrderDiscount(tx, order.id, now);
  if (received.amountMinor !== order.totalMinor || received.currency !== order.currency) {
    const reason = `Paid ${received.amountMinor} ${received.currency}, order total ${order.totalMinor} ${order.currency}.`;
    return hold(tx, order, paidData, reason, received, context);
  }
  await tx.order.update({ where: { id: order.id }, data: { paymentStatus: "paid", ...paidData } });
  await recordOrderEvent(tx, { orderId: order.id, type: "payment.paid", actor: "system", detail: { amountMinor: received.amountMinor, currency: order.currency } });
  await queueOrderConfirmation(tx, order.id);
  await queueNewOrderStaffMail(tx, order.id);
  await queueFallbackAssessment(tx, order.id);
  return "applied";
}

async function hold(
  tx: Prisma.TransactionClient,
  order: LockedOrder,
  paidData: Prisma.OrderUpdateInput,
  holdReason: string,
  received: { amountMinor: number; currency: string },
  context: RequestContext,
): Promise<EventOutcome> {
  await tx.order.update({ where: { id: order.id }, data: { paymentStatus: "on_hold", holdReason, ...paidData } });
  await recordOrderEvent(tx, { orderId: order.id, type: "payment.on_hold", actor: "system", detail: { reason: holdReason } });
  await recordSecurityEvent(tx, {
    type: "payment_amount_mismatch",
    userId: order.userId,
    context,
    details: { orderId: order.id, expectedMinor: order.totalMinor, expectedCurrency: order.currency, ...received },
  });
  logger.warn({ orderId: order.id }, "payment amount or currency mismatch put the order on hold");
  return "held";
}

async function onCheckoutEnded(tx: Prisma.TransactionClient, order: LockedOrder, event: CheckoutSessionEvent, now: Date): Promise<EventOutcome> {
  // Only the order's current hosted checkout may end it: an older attempt expiring changes nothing.
  if (order.paymentStatus !== "pending" || event.data.object.id !== order.checkoutSessionId) return "ignored";
  const status = event.type === "checkout.session.async_payment_failed" ? "failed" : "cancelled";
  await cancelUnpaidOrder(tx, order.id, now, { status, actor: "system" });
  return "applied";
}

async function onChargeSucceeded(tx: Prisma.TransactionClient, order: LockedOrder, event: ChargeEvent, now: Date): Promise<EventOutcome> {
  const charge = event.data.object;
  // Brand, last four, the billing country and Stripe's risk level only: nothing else of the card is ever stored (PCI DSS 3.3).
  await tx.order.update({
    where: { id: order.id },
    data: {
      cardBrand: charge.payment_method_details?.card?.brand ?? null,
      cardLast4: charge.payment_method_details?.card?.last4 ?? null,
      riskLevel: charge.outcome?.risk_level ?? null,
      // The billing address's country when the processor collected one, else the card's issuing country.
      billingCountry: charge.billing_details?.address?.country ?? charge.payment_method_details?.card?.country ?? null,
    },
  });
  // The payment has succeeded and the processor's risk level is known: the fraud review scores the order now.
  if (order.paymentStatus === "paid") await assessPaidOrder(tx, order.id, now);
  return "applied";
}

async function onChargeRefunded(tx: Prisma.TransactionClient, order: LockedOrder, event: ChargeEvent, now: Date): Promise<EventOutcome> {
  const charge = event.data.object;
  // amount_refunded is cumulative: an older event (smaller total) arriving late changes nothing.
  const refundedMinor = Math.min(charge.amount_refunded, order.capturedMinor);
  if (refundedMinor <= order.refundedMinor) return "ignored";
  const paymentStatus = paymentStatusAfterRefund(order.capturedMinor, refundedMinor);
  if (!canChangePayment(order.paymentStatus, paymentStatus)) return "ignored";
  // Only the money moves: a shipped parcel stays shipped.
  await tx.order.update({ where: { id: order.id }, data: { paymentStatus, refundedMinor } });
  await recordOrderEvent(tx, {
    orderId: order.id,
    type: "payment.refunded",
    actor: "system",
    detail: { amountMinor: refundedMinor - order.refundedMinor, currency: order.currency },
  });
  const refundIds = (charge.refunds?.data ?? []).filter((refund) => refund.status !== "failed").map((refund) => refund.id);
  if (refundIds.length > 0) {
    await tx.refund.updateMany({ where: { orderId: order.id, gatewayRefundId: { in: refundIds } }, data: { status: "succeeded" } });
  }
  const settledReturns = await settleReturnRefunds(tx, order.id, order.currency, now);
  // One mail per refund, for this refund's amount (the event's total is cumulative): a return's refund is told as the return's last step.
  const amountMinor = refundedMinor - order.refundedMinor;
  await queueCustomerOrderMail(
    tx,
    order.id,
    settledReturns > 0 ? { kind: "return", stage: "refunded", amountMinor } : { kind: "refunded", amountMinor, full: refundedMinor >= order.capturedMinor },
  );
  return "applied";
}
