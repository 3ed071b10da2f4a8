import "server-only";
import { orderDiscountOf, orderDiscountSelect } from "@/lib/dal/discounts/order-discount";
import type { Money } from "@/lib/catalog/money";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentGateway } from "@/lib/payments/gateway";
import type { FulfillmentStatus } from "@/lib/orders/fulfillment-status";
import { type PaymentStatus, SHIPPABLE_PAYMENT_STATUSES } from "@/lib/orders/payment-status";
import { awaitsShipment, canCancelOrder, canMarkDelivered, canPackOrder, canPrintPackingSlip, canRefundOrder, canShipOrder } from "@/lib/orders/next-steps";
import { carrierName, trackingUrl } from "@/lib/orders/carriers";
import { can } from "@/lib/auth/permissions";
import { appendAudit } from "@/lib/dal/audit/log";
import { type CustomerOrderSummaryDTO, orderSummarySelect, toOrderSummary } from "./my-orders";
import { addressCodec } from "@/lib/dal/accounts/address-codec";
import { openShippingAddress, shippingAddressSelect } from "./shipping-address";
import { cancelUnpaidOrder, lockOrder } from "./internal";
import { type StaffOrderTimelineEntryDTO, readOrderTimeline } from "./timeline";
import { staffCustomerLabel, staffCustomerSelect } from "./guest-contact";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { AuditContext } from "@/lib/context/request-context";
import { queueCustomerOrderMail } from "./customer-mail";
import { releasedByFraudReview } from "./fraud/fulfillable";
import { orderLineName } from "@/lib/orders/order-line-name";

export type AdminOrderFilters = {
  payment?: PaymentStatus;
  fulfillment?: FulfillmentStatus;
  /** Orders waiting for a parcel: paid (or partly refunded) and not shipped yet. */
  toShip?: boolean;
  number?: string;
  from?: Date;
  to?: Date;
  page: number;
};

export type StaffOrderSummaryDTO = CustomerOrderSummaryDTO & {
  /** Masked: the customer's full details are on the customer page, behind an audited reveal. */
  customer: string;
  shippingMethod: string;
};

export const ADMIN_ORDERS_PAGE_SIZE = 50;

function whereOf(filters: AdminOrderFilters): Prisma.OrderWhereInput {
  const toShip: Prisma.OrderWhereInput = filters.toShip
    ? { paymentStatus: { in: [...SHIPPABLE_PAYMENT_STATUSES] }, fulfillmentStatus: { in: ["unfulfilled", "packed"] }, ...releasedByFraudReview }
    : {};
  return {
    paymentStatus: filters.payment,
    fulfillmentStatus: filters.fulfillment,
    ...toShip,
    number: filters.number ? { startsWith: filters.number.toUpperCase() } : undefined,
    createdAt: filters.from || filters.to ? { gte: filters.from, lt: filters.to } : undefined,
  };
}

export async function listOrdersForStaff(
  viewer: StaffViewer,
  filters: AdminOrderFilters,
): Promise<{ orders: StaffOrderSummaryDTO[]; total: number }> {
  assertPermission(viewer, "orders:read");
  const where = whereOf(filters);
  const [rows, total] = await Promise.all([
    db.order.findMany({
      where,
      // The to-ship queue serves the customers who have waited longest first.
      orderBy: { createdAt: filters.toShip ? "asc" : "desc" },
      skip: (filters.page - 1) * ADMIN_ORDERS_PAGE_SIZE,
      take: ADMIN_ORDERS_PAGE_SIZE,
      select: { ...orderSummarySelect, ...staffCustomerSelect, shippingMethod: true },
    }),
    db.order.count({ where }),
  ]);
  return {
    total,
    orders: rows.map((row) => ({ ...toOrderSummary(row), customer: staffCustomerLabel(row), shippingMethod: row.shippingMethod })),
  };
}

export type StaffOrderDTO = StaffOrderSummaryDTO & {
  customerId: string | null;
  lines: { name: string; sku: string; quantity: number; unitPrice: Money; lineTotal: Money }[];
  subtotal: Money;
  discount: { code: string; amount: Money } | null;
  shipping: Money;
  tax: Money;
  /** True: the tax was included in the prices (shown as "including"); false: it was added. */
  taxIncluded: boolean;
  captured: Money;
  refunded: Money;
  /** What may still be refunded: captured minus refunds pending or done. */
  refundable: Money;
  /** Masked address lines, or null once erased (the full address: getDeliveryAddressForFulfilment, when `actions.viewAddress`). */
  shipTo: { name: string; lines: string[]; country: string } | null;
  card: string | null;
  riskLevel: string | null;
  holdReason: string | null;
  refunds: { amount: Money; reason: string; status: string; createdAt: Date }[];
  events: { type: string; outcome: string; receivedAt: Date }[];
  /** The parcel's carrier and tracking, once shipped. */
  shipment: { carrier: string; trackingNumber: string; trackingUrl: string | null; shippedAt: Date | null; deliveredAt: Date | null } | null;
  timeline: StaffOrderTimelineEntryDTO[];
  /** What this viewer may do to the order now: the mutations' own rules and the viewer's permissions. */
  actions: { cancel: boolean; refund: boolean; pack: boolean; ship: boolean; deliver: boolean; viewAddress: boolean; packingSlip: boolean };
};

export async function getOrderForStaff(viewer: StaffViewer, orderId: string): Promise<StaffOrderDTO | null> {
  assertPermission(viewer, "orders:read");
  const row = await db.order.findUnique({
    where: { id: orderId },
    select: {
      ...shippingAddressSelect,
      ...orderSummarySelect,
      subtotalMinor: true,
      ...orderDiscountSelect,
      shippingMinor: true,
      taxMinor: true,
      taxIncluded: true,
      capturedMinor: true,
      refundedMinor: true,
      shippingMethod: true,
      cardBrand: true,
      cardLast4: true,
      riskLevel: true,
      fraudReview: true,
      holdReason: true,
      paymentIntentId: true,
      shippingCarrier: true,
      trackingNumber: true,
      shippedAt: true,
      deliveredAt: true,
      userId: true,
      ...staffCustomerSelect,
      items: { select: { productName: true, variantTitle: true, sku: true, quantity: true, unitPriceMinor: true, lineTotalMinor: true }, orderBy: { productName: "asc" } },
      refunds: { select: { amountMinor: true, reason: true, status: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      paymentEvents: { select: { type: true, outcome: true, receivedAt: true }, orderBy: { receivedAt: "asc" } },
    },
  });
  if (!row) return null;
  const money = (amountMinor: number): Money => ({ amountMinor, currency: row.currency });
  const committed = row.refunds.filter((refund) => refund.status !== "failed").reduce((sum, refund) => sum + refund.amountMinor, 0);
  const address = openShippingAddress(row);
  const masked = address && addressCodec.maskForStaff(address, false);
  const refundableMinor = Math.max(0, row.capturedMinor - committed);
  const fulfil = can(viewer.role, "orders:fulfil");
  return {
    ...toOrderSummary(row),
    customer: staffCustomerLabel(row),
    customerId: row.userId,
    lines: row.items.map((item) => ({
      name: orderLineName(item),
      sku: item.sku,
      quantity: item.quantity,
      unitPrice: money(item.unitPriceMinor),
      lineTotal: money(item.lineTotalMinor),
    })),
    subtotal: money(row.subtotalMinor),
    discount: orderDiscountOf(row),
    shipping: money(row.shippingMinor),
    tax: money(row.taxMinor),
    taxIncluded: row.taxIncluded,
    captured: money(row.capturedMinor),
    refunded: money(row.refundedMinor),
    refundable: money(refundableMinor),
    shippingMethod: row.shippingMethod,
    // Staff see where a parcel goes masked; the full address is the customer's, behind an audited reveal,
    // or, for the parcel waiting to ship, the packer's (getDeliveryAddressForFulfilment, audited per view).
    shipTo: masked
      ? {
          name: masked.recipientName,
          lines: [masked.line1, masked.line2, masked.city, masked.postalCode].filter((line): line is string => !!line),
          country: masked.country,
        }
      : null,
    card: row.cardBrand && row.cardLast4 ? `${row.cardBrand} •••• ${row.cardLast4}` : null,
    riskLevel: row.riskLevel,
    holdReason: row.holdReason,
    refunds: row.refunds.map((refund) => ({ amount: money(refund.amountMinor), reason: refund.reason, status: refund.status, createdAt: refund.createdAt })),
    events: row.paymentEvents,
    shipment:
      row.shippingCarrier && row.trackingNumber
        ? {
            carrier: carrierName(row.shippingCarrier),
            trackingNumber: row.trackingNumber,
            trackingUrl: trackingUrl(row.shippingCarrier, row.trackingNumber),
            shippedAt: row.shippedAt,
            deliveredAt: row.deliveredAt,
          }
        : null,
    timeline: await readOrderTimeline(row.id, "staff"),
    actions: {
      cancel: can(viewer.role, "orders:cancel") && canCancelOrder(row),
      refund: can(viewer.role, "orders:refund") && canRefundOrder({ ...row, refundableMinor }),
      pack: fulfil && canPackOrder(row),
      ship: fulfil && canShipOrder(row),
      deliver: fulfil && canMarkDelivered(row),
      viewAddress: fulfil && awaitsShipment(row) && masked !== null,
      packingSlip: fulfil && canPrintPackingSlip(row),
    },
  };
}

/** Why a staff order change was refused; the action turns the code into text. */
export const OrderActionError = {
  notFound: "not_found",
  invalidReason: "invalid_reason",
  notCancellable: "not_cancellable",
} as const;

export type OrderActionErrorCode = (typeof OrderActionError)[keyof typeof OrderActionError];

/** A refused change says why, and in what status it found the order (when it found one). */
export type OrderActionResult = { ok: true } | { ok: false; code: OrderActionErrorCode; status?: PaymentStatus };

/**
 * Cancels an order that has not been paid: its stock is released and its
 * hosted checkout closed. A paid order is refunded instead, never cancelled.
 * An unpaid order held because a stray payment came in (that payment is
 * refunded on its own) can be cancelled too, or it would hold its stock forever.
 */
export async function cancelOrderForStaff(
  viewer: StaffViewer,
  input: { orderId: string; reason: string },
  gateway: PaymentGateway | null,
  context: AuditContext,
): Promise<OrderActionResult> {
  assertPermission(viewer, "orders:cancel");
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) return { ok: false, code: OrderActionError.invalidReason };
  const outcome = await db.$transaction(async (tx): Promise<OrderActionResult & { sessionId?: string | null }> => {
    if (!(await lockOrder(tx, input.orderId))) return { ok: false, code: OrderActionError.notFound };
    const order = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      select: { paymentStatus: true, paymentIntentId: true, checkoutSessionId: true },
    });
    if (!canCancelOrder(order)) return { ok: false, code: OrderActionError.notCancellable, status: order.paymentStatus };
    await cancelUnpaidOrder(tx, input.orderId, new Date(), { status: "cancelled", actor: "staff", staffId: viewer.userId, reason });
    // The staff reason is an internal note for the audit log: the customer is told only that it was cancelled.
    await queueCustomerOrderMail(tx, input.orderId, { kind: "cancelled" });
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: "order.cancelled",
      target: { type: "order", id: input.orderId },
      before: { paymentStatus: order.paymentStatus },
      after: { paymentStatus: "cancelled" },
      reason,
      outcome: "success",
      context,
    });
    return { ok: true, sessionId: order.checkoutSessionId };
  });
  if (!outcome.ok) return outcome;
  if (outcome.sessionId) await gateway?.expireCheckout(outcome.sessionId);
  return { ok: true };
}
