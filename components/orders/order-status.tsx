import type { FulfillmentStatus } from "@/lib/orders/fulfillment-status";
import type { PaymentStatus } from "@/lib/orders/payment-status";

type Audience = "customer" | "staff";

const amber = "bg-warning-100 text-warning-900";
const green = "bg-success-100 text-success-900";
const blue = "bg-brand-100 text-brand-900";
const grey = "bg-neutral-200 text-neutral-900";

/** Staff wording is terse; the customer's speaks to the shopper ("we will contact you"). */
const paymentLabels: Record<PaymentStatus, { customer: string; staff: string; tone: string }> = {
  pending: { customer: "Awaiting payment", staff: "Awaiting payment", tone: amber },
  paid: { customer: "Paid", staff: "Paid", tone: green },
  partially_refunded: { customer: "Partly refunded", staff: "Partly refunded", tone: blue },
  refunded: { customer: "Refunded", staff: "Refunded", tone: blue },
  failed: { customer: "Payment failed", staff: "Payment failed", tone: grey },
  on_hold: { customer: "On hold: we will contact you", staff: "On hold", tone: amber },
  cancelled: { customer: "Cancelled", staff: "Cancelled", tone: grey },
};

const fulfillmentLabels: Record<FulfillmentStatus, { text: string; tone: string }> = {
  unfulfilled: { text: "Not shipped yet", tone: grey },
  packed: { text: "Packed", tone: amber },
  shipped: { text: "Shipped", tone: green },
  delivered: { text: "Delivered", tone: green },
  returned: { text: "Returned", tone: blue },
};

export function paymentStatusText(status: PaymentStatus, audience: Audience = "customer"): string {
  return paymentLabels[status][audience];
}

export function fulfillmentStatusText(status: FulfillmentStatus): string {
  return fulfillmentLabels[status].text;
}

const badge = "inline-block rounded px-2 py-0.5 text-sm font-medium";

/** The order's two statuses side by side: where the money stands and where the parcel stands. */
export function OrderStatusBadges({
  paymentStatus,
  fulfillmentStatus,
  audience = "customer",
}: {
  paymentStatus: PaymentStatus;
  fulfillmentStatus: FulfillmentStatus;
  audience?: Audience;
}) {
  // An order that never got paid has no parcel to speak of.
  const showParcel = paymentStatus !== "pending" && paymentStatus !== "cancelled" && paymentStatus !== "failed";
  return (
    <span className="inline-flex flex-wrap gap-2">
      <span className={`${badge} ${paymentLabels[paymentStatus].tone}`}>
        <span className="sr-only">Payment: </span>
        {paymentLabels[paymentStatus][audience]}
      </span>
      {(showParcel || fulfillmentStatus !== "unfulfilled") && (
        <span className={`${badge} ${fulfillmentLabels[fulfillmentStatus].tone}`}>
          <span className="sr-only">Shipping: </span>
          {fulfillmentLabels[fulfillmentStatus].text}
        </span>
      )}
    </span>
  );
}
