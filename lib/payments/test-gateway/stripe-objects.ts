import { randomBytes } from "node:crypto";
import Stripe from "stripe";

/**
 * Stripe-format objects and events for the offline test gateway: the same
 * field names, types and envelopes Stripe sends (API version included), so
 * the webhook endpoint cannot tell them from Stripe's except by `livemode`
 * and the ids' `_test_` marker. Only the fields a shop reads are filled in.
 */
export type TestCheckoutState = {
  id: string;
  orderId: string;
  orderNumber: string;
  paymentIntentId: string;
  chargeId: string;
  currency: string;
  amountTotal: number;
  /** What a coupon took off the line items; amountTotal is after it. */
  amountDiscount: number;
  amountRefunded: number;
  customerEmail: string | null;
  successUrl: string;
  cancelUrl: string;
  status: "open" | "complete" | "expired";
  paymentStatus: "paid" | "unpaid";
  createdAt: Date;
  expiresAt: Date;
};

export type StripeEventEnvelope = {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  type: string;
};

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function testObjectId(prefix: "cs_test" | "pi_test" | "ch_test" | "re_test" | "evt_test"): string {
  return `${prefix}_${randomBytes(18).toString("base64url").replace(/[-_]/g, "0")}`;
}

export function checkoutSessionObject(state: TestCheckoutState): Record<string, unknown> {
  const reached = state.status === "complete";
  return {
    id: state.id,
    object: "checkout.session",
    amount_subtotal: state.amountTotal + state.amountDiscount,
    amount_total: state.amountTotal,
    total_details: { amount_discount: state.amountDiscount, amount_shipping: 0, amount_tax: 0 },
    client_reference_id: state.orderId,
    created: seconds(state.createdAt),
    currency: state.currency.toLowerCase(),
    customer_email: state.customerEmail,
    expires_at: seconds(state.expiresAt),
    livemode: false,
    metadata: { orderId: state.orderId, orderNumber: state.orderNumber },
    mode: "payment",
    payment_intent: reached ? state.paymentIntentId : null,
    payment_status: state.paymentStatus,
    status: state.status,
    success_url: state.successUrl,
    cancel_url: state.cancelUrl,
  };
}

/** Stripe's risk levels the test gateway plays: a normal payment, or one its radar rates highest (Stripe's test card 4000 0000 0000 4954). */
export type TestRiskLevel = "normal" | "highest";

export function chargeObject(state: TestCheckoutState, refunds: { id: string; amount: number }[] = [], riskLevel: TestRiskLevel = "normal"): Record<string, unknown> {
  return {
    id: state.chargeId,
    object: "charge",
    amount: state.amountTotal,
    amount_captured: state.amountTotal,
    amount_refunded: state.amountRefunded,
    captured: true,
    created: seconds(state.createdAt),
    currency: state.currency.toLowerCase(),
    livemode: false,
    paid: true,
    payment_intent: state.paymentIntentId,
    payment_method_details: { type: "card", card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2034, funding: "credit", country: "US" } },
    outcome: { network_status: "approved_by_network", risk_level: riskLevel, risk_score: riskLevel === "highest" ? 85 : 12, seller_message: "Payment complete.", type: "authorized" },
    refunded: state.amountRefunded >= state.amountTotal,
    refunds: {
      object: "list",
      data: refunds.map((refund) => ({ id: refund.id, object: "refund", amount: refund.amount, status: "succeeded", charge: state.chargeId })),
      has_more: false,
    },
    status: "succeeded",
  };
}

export function stripeEvent(type: string, object: Record<string, unknown>, now = new Date()): StripeEventEnvelope {
  return {
    id: testObjectId("evt_test"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: seconds(now),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}
