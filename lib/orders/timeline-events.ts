import { formatMoney } from "@/lib/catalog/money";
import { carrierName } from "./carriers";

/**
 * The steps an order's timeline records, and how each reads. One table for
 * the customer's and the staff's view; `staffOnly` details (a hold reason, who
 * asked for a refund) never reach the customer's.
 */
export const ORDER_EVENT_TYPES = [
  "order.placed",
  "payment.paid",
  "payment.failed",
  "payment.cancelled",
  "payment.on_hold",
  "payment.released",
  "payment.refund_requested",
  "payment.refunded",
  "fulfillment.packed",
  "fulfillment.shipped",
  "fulfillment.delivered",
  "fulfillment.returned",
  "mail.sent",
  "return.requested",
  "return.approved",
  "return.rejected",
  "return.received",
  "return.refunded",
  "review.scored",
  "review.approved",
  "review.cancelled",
] as const;

export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/** The facts an event may carry: amounts, the parcel's tracking, a reason, the mail's subject. Never personal data. */
export type OrderEventDetail = {
  amountMinor?: number;
  currency?: string;
  carrier?: string;
  trackingNumber?: string;
  reason?: string;
  mail?: string;
  units?: number;
  /** A fraud score (staff-only events). */
  score?: number;
};

export type Audience = "customer" | "staff";

const titles: Record<OrderEventType, string> = {
  "order.placed": "Order placed",
  "payment.paid": "Payment received",
  "payment.failed": "Payment failed",
  "payment.cancelled": "Order cancelled",
  "payment.on_hold": "Payment on hold for review",
  "payment.released": "Hold released",
  "payment.refund_requested": "Refund requested",
  "payment.refunded": "Refund issued",
  "fulfillment.packed": "Packed",
  "fulfillment.shipped": "Shipped",
  "fulfillment.delivered": "Delivered",
  "fulfillment.returned": "Returned",
  "mail.sent": "Mail sent",
  "return.requested": "Return requested",
  "return.approved": "Return approved",
  "return.rejected": "Return declined",
  "return.received": "Return received",
  "return.refunded": "Return refunded",
  "review.scored": "Fraud check",
  "review.approved": "Fraud review: approved",
  "review.cancelled": "Fraud review: cancelled and refunded",
};

/** Reasons the customer reads (a cancellation, a declined return); a hold or refund-request reason is for staff. */
const reasonIsPublic: ReadonlySet<OrderEventType> = new Set(["payment.cancelled", "return.rejected", "return.requested"]);

export function isOrderEventType(value: string): value is OrderEventType {
  return (ORDER_EVENT_TYPES as readonly string[]).includes(value);
}

/** The title and one line of detail of an event, for one audience. */
export function describeOrderEvent(type: OrderEventType, detail: OrderEventDetail, audience: Audience): { title: string; detail: string | null } {
  const parts: string[] = [];
  if (detail.amountMinor !== undefined && detail.currency) parts.push(formatMoney({ amountMinor: detail.amountMinor, currency: detail.currency }));
  if (detail.units !== undefined) parts.push(`${detail.units} ${detail.units === 1 ? "item" : "items"}`);
  if (detail.carrier) parts.push(carrierName(detail.carrier));
  if (detail.trackingNumber) parts.push(`tracking ${detail.trackingNumber}`);
  if (detail.mail) parts.push(detail.mail);
  if (detail.score !== undefined && audience === "staff") parts.push(`score ${detail.score}`);
  if (detail.reason && (audience === "staff" || reasonIsPublic.has(type))) parts.push(`“${detail.reason}”`);
  return { title: titles[type], detail: parts.length > 0 ? parts.join(" · ") : null };
}
