import "server-only";
import { orderDiscountOf, orderDiscountSelect } from "@/lib/dal/discounts/order-discount";
import { canPayOrder } from "@/lib/orders/next-steps";
import { carrierName, trackingUrl } from "@/lib/orders/carriers";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Money } from "@/lib/catalog/money";
import type { FulfillmentStatus } from "@/lib/orders/fulfillment-status";
import type { PaymentStatus } from "@/lib/orders/payment-status";
import { openShippingAddress, type ShippingAddress, shippingAddressSelect } from "./shipping-address";
import { type CustomerOrderTimelineEntryDTO, readOrderTimeline } from "./timeline";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import type { RequestContext } from "@/lib/context/request-context";
import { orderLineName } from "@/lib/orders/order-line-name";

/** A customer's own order in their list. */
export type CustomerOrderSummaryDTO = {
  id: string;
  number: string;
  paymentStatus: PaymentStatus;
  fulfillmentStatus: FulfillmentStatus;
  placedAt: Date;
  total: Money;
  itemCount: number;
};

export type CustomerOrderLineDTO = { name: string; productSlug: string | null; unitPrice: Money; quantity: number; lineTotal: Money };

/** One of the customer's orders in full: never processor ids, never more card data than brand and last four. */
export type CustomerOrderDTO = CustomerOrderSummaryDTO & {
  lines: CustomerOrderLineDTO[];
  subtotal: Money;
  /** What a discount code took off the goods, or null. */
  discount: { code: string; amount: Money } | null;
  shipping: Money;
  tax: Money;
  /** True: the tax was included in the prices (shown as "including"); false: it was added. */
  taxIncluded: boolean;
  refunded: Money;
  shippingMethod: string;
  /** Null once erased with the customer's account data. */
  shippingAddress: ShippingAddress | null;
  card: { brand: string; last4: string } | null;
  /** The parcel's carrier and tracking once it has shipped. */
  shipment: { carrier: string; trackingNumber: string; trackingUrl: string | null } | null;
  /**
   * What the customer may do next. `pay`: unpaid, not yet at the processor,
   * reservation still running, so the payment page may be (re)opened.
   */
  actions: { pay: boolean };
  reservationExpiresAt: Date;
};

/** The order page: the order and its timeline as the customer sees it (no staff-only steps). */
export type CustomerOrderPageDTO = CustomerOrderDTO & { timeline: CustomerOrderTimelineEntryDTO[] };

/** The columns of an order summary (the customer's list, the admin's list and both detail views). */
export const orderSummarySelect = {
  id: true,
  number: true,
  paymentStatus: true,
  fulfillmentStatus: true,
  createdAt: true,
  totalMinor: true,
  currency: true,
  items: { select: { quantity: true } },
} as const;

type SummaryRow = Prisma.OrderGetPayload<{ select: typeof orderSummarySelect }>;

export function toOrderSummary(row: SummaryRow): CustomerOrderSummaryDTO {
  return {
    id: row.id,
    number: row.number,
    paymentStatus: row.paymentStatus,
    fulfillmentStatus: row.fulfillmentStatus,
    placedAt: row.createdAt,
    total: { amountMinor: row.totalMinor, currency: row.currency },
    itemCount: row.items.reduce((sum, item) => sum + item.quantity, 0),
  };
}

export async function listMyOrders(viewer: ActiveSession): Promise<CustomerOrderSummaryDTO[]> {
  const rows = await db.order.findMany({
    where: { userId: viewer.userId },
    select: orderSummarySelect,
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map(toOrderSummary);
}

/** The columns of an order shown in full (toMyOrder reads them). */
export const detailSelect = {
  ...orderSummarySelect,
  ...shippingAddressSelect,
  subtotalMinor: true,
  ...orderDiscountSelect,
  shippingMinor: true,
  taxMinor: true,
  taxIncluded: true,
  refundedMinor: true,
  shippingMethod: true,
  cardBrand: true,
  cardLast4: true,
  shippingCarrier: true,
  trackingNumber: true,
  paymentIntentId: true,
  reservationExpiresAt: true,
  items: {
    select: { productName: true, variantTitle: true, unitPriceMinor: true, quantity: true, lineTotalMinor: true, product: { select: { slug: true } } },
    orderBy: { productName: "asc" },
  },
} as const;

type DetailRow = Prisma.OrderGetPayload<{ select: typeof detailSelect }>;

/** An order in full as its owner sees it: the account, or the guest holding its link. */
export function toMyOrder(row: DetailRow, now: Date, withAddress = true): CustomerOrderDTO {
  const money = (amountMinor: number): Money => ({ amountMinor, currency: row.currency });
  return {
    ...toOrderSummary(row),
    lines: row.items.map((item) => ({
      name: orderLineName(item),
      productSlug: item.product?.slug ?? null,
      unitPrice: money(item.unitPriceMinor),
      quantity: item.quantity,
      lineTotal: money(item.lineTotalMinor),
    })),
    subtotal: money(row.subtotalMinor),
    discount: orderDiscountOf(row),
    shipping: money(row.shippingMinor),
    tax: money(row.taxMinor),
    taxIncluded: row.taxIncluded,
    refunded: money(row.refundedMinor),
    shippingMethod: row.shippingMethod,
    shippingAddress: withAddress ? openShippingAddress(row) : null,
    card: row.cardBrand && row.cardLast4 ? { brand: row.cardBrand, last4: row.cardLast4 } : null,
    shipment:
      row.shippingCarrier && row.trackingNumber
        ? { carrier: carrierName(row.shippingCarrier), trackingNumber: row.trackingNumber, trackingUrl: trackingUrl(row.shippingCarrier, row.trackingNumber) }
        : null,
    actions: { pay: canPayOrder(row, now) },
    reservationExpiresAt: row.reservationExpiresAt,
  };
}

/**
 * One of the viewer's orders, or null. Asking for an order that exists but is
 * someone else's is answered exactly like an unknown id (404), and recorded
 * as a security event: it is how an enumeration attempt shows up.
 */
export async function getMyOrder(
  viewer: ActiveSession,
  orderId: string,
  context: RequestContext,
  now = new Date(),
): Promise<CustomerOrderPageDTO | null> {
  const row = await db.order.findFirst({ where: { id: orderId, userId: viewer.userId }, select: detailSelect });
  if (row) return { ...toMyOrder(row, now), timeline: await readOrderTimeline(row.id, "customer") };
  await recordForeignOrderAccess(viewer, orderId, context);
  return null;
}

/**
 * The viewer's orders in full, newest first (the personal-data export). Without
 * `withAddresses` the address snapshots stay encrypted and come back as null:
 * a listing that does not show addresses pays no decryption.
 */
export async function listMyOrderDetails(
  viewer: ActiveSession,
  options: { take?: number; withAddresses?: boolean; now?: Date } = {},
): Promise<CustomerOrderDTO[]> {
  const rows = await db.order.findMany({
    where: { userId: viewer.userId },
    select: detailSelect,
    orderBy: { createdAt: "desc" },
    take: options.take,
  });
  return rows.map((row) => toMyOrder(row, options.now ?? new Date(), options.withAddresses ?? true));
}

/** Records that a viewer asked for an order that exists but is not theirs (nothing when it does not exist). */
export async function recordForeignOrderAccess(viewer: ActiveSession, orderId: string, context: RequestContext) {
  const exists = await db.order.count({ where: { id: orderId } });
  if (exists === 0) return;
  await db.$transaction((tx) =>
    recordSecurityEvent(tx, { type: "order_access_denied", userId: viewer.userId, context, details: { orderId } }),
  );
}
