import "server-only";
import { db } from "@/lib/db";
import { type CarrierId, TRACKING_NUMBER_PATTERN } from "@/lib/orders/carriers";
import type { FulfillmentStatus } from "@/lib/orders/fulfillment-status";
import { canMarkDelivered, canPackOrder, canShipOrder } from "@/lib/orders/next-steps";
import { appendAudit } from "@/lib/dal/audit/log";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { AuditContext } from "@/lib/context/request-context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderEventDetail } from "@/lib/orders/timeline-events";
import type { OrderNoticeInput } from "@/lib/orders/order-notice";
import { queueCustomerOrderMail } from "./customer-mail";
import { lockOrder, recordOrderEvent } from "./internal";

/** Why a fulfilment step was refused; the action turns the code into text. */
export const FulfilmentError = {
  notFound: "not_found",
  /** The order is not in a state for this step (`status` says where it is). */
  wrongState: "wrong_state",
  invalidTracking: "invalid_tracking",
} as const;

export type FulfilmentErrorCode = (typeof FulfilmentError)[keyof typeof FulfilmentError];

export type FulfilmentResult = { ok: true } | { ok: false; code: FulfilmentErrorCode; status?: FulfillmentStatus };

type Step = {
  to: "packed" | "shipped" | "delivered";
  allowed: (order: Parameters<typeof canShipOrder>[0]) => boolean;
  data: (now: Date) => Prisma.OrderUpdateInput;
  detail?: OrderEventDetail;
  /** What the customer is told, if anything (packing is the shop's business). */
  notice?: OrderNoticeInput;
};

/**
 * Moves an order's parcel one step, with the row locked: the step must be
 * legal from where the parcel is and the money allows it (fulfilment never
 * touches the payment status). Audited, and put on the order's timeline, in
 * the same transaction.
 */
async function fulfilmentStep(viewer: StaffViewer, orderId: string, step: Step, context: AuditContext): Promise<FulfilmentResult> {
  assertPermission(viewer, "orders:fulfil");
  return db.$transaction(async (tx): Promise<FulfilmentResult> => {
    if (!(await lockOrder(tx, orderId))) return { ok: false, code: FulfilmentError.notFound };
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { paymentStatus: true, fulfillmentStatus: true, fraudReview: true } });
    if (!step.allowed(order)) return { ok: false, code: FulfilmentError.wrongState, status: order.fulfillmentStatus };
    await tx.order.update({ where: { id: orderId }, data: { fulfillmentStatus: step.to, ...step.data(new Date()) } });
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: `order.${step.to}`,
      target: { type: "order", id: orderId },
      before: { fulfillmentStatus: order.fulfillmentStatus },
      after: { fulfillmentStatus: step.to, ...step.detail },
      outcome: "success",
      context,
    });
    await recordOrderEvent(tx, { orderId, type: `fulfillment.${step.to}`, actor: "staff", staffId: viewer.userId, detail: step.detail });
    if (step.notice) await queueCustomerOrderMail(tx, orderId, step.notice);
    return { ok: true };
  });
}

/** Marks a paid order packed (optional: an order may ship straight away). */
export function packOrder(viewer: StaffViewer, orderId: string, context: AuditContext): Promise<FulfilmentResult> {
  return fulfilmentStep(viewer, orderId, { to: "packed", allowed: canPackOrder, data: (now) => ({ packedAt: now }) }, context);
}

export type ShipmentInput = { orderId: string; carrier: CarrierId; trackingNumber: string };

/** Marks a paid order shipped with its carrier and tracking number (validated here too: they reach mails and pages). */
export async function shipOrder(viewer: StaffViewer, input: ShipmentInput, context: AuditContext): Promise<FulfilmentResult> {
  const trackingNumber = input.trackingNumber.trim();
  if (!TRACKING_NUMBER_PATTERN.test(trackingNumber)) {
    assertPermission(viewer, "orders:fulfil");
    return { ok: false, code: FulfilmentError.invalidTracking };
  }
  const step: Step = {
    to: "shipped",
    allowed: canShipOrder,
    data: (now) => ({ shippedAt: now, shippingCarrier: input.carrier, trackingNumber }),
    detail: { carrier: input.carrier, trackingNumber },
    notice: { kind: "shipped", carrier: input.carrier, trackingNumber },
  };
  return fulfilmentStep(viewer, input.orderId, step, context);
}

/** Marks a shipped parcel delivered (optional: not every carrier reports delivery). */
export function markOrderDelivered(viewer: StaffViewer, orderId: string, context: AuditContext): Promise<FulfilmentResult> {
  const step: Step = { to: "delivered", allowed: canMarkDelivered, data: (now) => ({ deliveredAt: now }), notice: { kind: "delivered" } };
  return fulfilmentStep(viewer, orderId, step, context);
}
