/**
 * What the shop needs from a payment processor. Card data never reaches the
 * shop: the processor hosts the payment page (PCI DSS SAQ A), and the shop
 * learns the outcome only from signed webhook events.
 */
export type CheckoutLine = { name: string; unitAmountMinor: number; quantity: number };

/**
 * A discount code's amount, taken off the whole checkout once (a Stripe
 * coupon with `amount_off`): the lines keep their full prices, so the
 * processor shows the discount and its `amount_total` is the order's total.
 */
export type CheckoutDiscount = { name: string; amountMinor: number };

export type CreateCheckoutInput = {
  orderId: string;
  orderNumber: string;
  /** Which payment attempt of the order this is (1, 2, …): part of the idempotency key. */
  attempt: number;
  currency: string;
  /** Server-computed lines (goods, shipping, tax) adding up to the order total. */
  lines: CheckoutLine[];
  /** A discount to take off the lines' sum (the order's discountMinor); absent: none. */
  discount?: CheckoutDiscount | null;
  customerEmail: string;
  successUrl: string;
  cancelUrl: string;
  /** When the order's stock reservation ends; the hosted page should not outlive it by much. */
  expiresAt: Date;
};

export type HostedCheckout = { sessionId: string; url: string };

/** A hosted checkout as the processor sees it now; `url` is set while it is open. */
export type CheckoutState = { status: "open" | "complete" | "expired"; url: string | null; expiresAt: Date };

export type RefundRequest = {
  orderId: string;
  /** The shop's Refund row id: the idempotency key, so a retried request refunds once. */
  refundId: string;
  paymentIntentId: string;
  amountMinor: number;
};

export type GatewayRefund = { gatewayRefundId: string };

export interface PaymentGateway {
  readonly name: "stripe" | "test";
  createCheckout(input: CreateCheckoutInput): Promise<HostedCheckout>;
  refund(request: RefundRequest): Promise<GatewayRefund>;
  /** Where a hosted checkout stands: a new "Pay" reuses it while it is open. */
  retrieveCheckout(sessionId: string): Promise<CheckoutState>;
  /** Ends a hosted checkout that has not been paid (its reservation expired, or it is being replaced). */
  expireCheckout(sessionId: string): Promise<void>;
}

/** One key per order and attempt: a retried request creates no second hosted checkout. */
export function checkoutIdempotencyKey(orderId: string, attempt: number): string {
  return `checkout:${orderId}:${attempt}`;
}

/** The coupon of one checkout attempt: a retried create makes no second coupon. */
export function couponIdempotencyKey(orderId: string, attempt: number): string {
  return `coupon:${orderId}:${attempt}`;
}

export function refundIdempotencyKey(refundId: string): string {
  return `refund:${refundId}`;
}

/**
 * The refund id of a stray payment (see StrayPayment): derived from its payment
 * intent, so its idempotency key is `refund:stray:<payment intent>` and no retry,
 * redelivery or second worker can refund it twice.
 */
export function strayRefundId(paymentIntentId: string): string {
  return `stray:${paymentIntentId}`;
}

/** A payment processor's refusal or outage, with a message safe to show to staff. */
export class PaymentGatewayError extends Error {
  override name = "PaymentGatewayError";
}
