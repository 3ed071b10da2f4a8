import "server-only";
import Stripe from "stripe";
import {
  checkoutIdempotencyKey,
  type CheckoutDiscount,
  type CheckoutState,
  couponIdempotencyKey,
  type CreateCheckoutInput,
  type GatewayRefund,
  type HostedCheckout,
  type PaymentGateway,
  PaymentGatewayError,
  type RefundRequest,
  refundIdempotencyKey,
} from "./gateway";

/** Stripe's hosted checkout must live at least 30 minutes and at most 24 hours. */
const MIN_SESSION_SECONDS = 31 * 60;
const MAX_SESSION_SECONDS = 24 * 60 * 60 - 60;

/** Where the SDK connects; tests point it at a local server to see the exact requests. */
export type StripeConnection = { host?: string; port?: number; protocol?: "http" | "https" };

export function createStripeClient(secretKey: string, connection: StripeConnection = {}): Stripe {
  return new Stripe(secretKey, { maxNetworkRetries: 2, timeout: 20_000, ...connection });
}

function sessionExpiry(expiresAt: Date, now = Date.now()): number {
  const seconds = Math.ceil((expiresAt.getTime() - now) / 1000);
  const clamped = Math.min(Math.max(seconds, MIN_SESSION_SECONDS), MAX_SESSION_SECONDS);
  return Math.floor(now / 1000) + clamped;
}

function gatewayError(action: string, error: unknown): PaymentGatewayError {
  // Stripe's messages name the problem (never card data: the shop sends none).
  const detail = error instanceof Stripe.errors.StripeError ? `${error.type}: ${error.message}` : "connection failed";
  return new PaymentGatewayError(`Stripe could not ${action} (${detail}).`);
}

/**
 * A one-use coupon for exactly the order's discount, in the order's currency:
 * Stripe takes `amount_off` off the session's total (spread over the lines on
 * its receipt), so its amount_total is the shop's discounted total. The shop's
 * own code is never sent to Stripe as a promotion code: nothing to redeem twice there.
 */
async function couponFor(client: Stripe, input: CreateCheckoutInput, discount: CheckoutDiscount): Promise<string> {
  const coupon = await client.coupons.create(
    {
      amount_off: discount.amountMinor,
      currency: input.currency.toLowerCase(),
      duration: "once",
      max_redemptions: 1,
      name: discount.name.slice(0, 40),
      metadata: { orderId: input.orderId, orderNumber: input.orderNumber },
    },
    { idempotencyKey: couponIdempotencyKey(input.orderId, input.attempt) },
  );
  return coupon.id;
}

/** The Stripe implementation: hosted Checkout Sessions and refunds, every create with an idempotency key. */
export function createStripeGateway(client: Stripe): PaymentGateway {
  return {
    name: "stripe",

    async createCheckout(input: CreateCheckoutInput): Promise<HostedCheckout> {
      const metadata = { orderId: input.orderId, orderNumber: input.orderNumber };
      try {
        const discount = input.discount && input.discount.amountMinor > 0 ? input.discount : null;
        const coupon = discount ? await couponFor(client, input, discount) : null;
        const session = await client.checkout.sessions.create(
          {
            mode: "payment",
            client_reference_id: input.orderId,
            metadata,
            payment_intent_data: { metadata },
            customer_email: input.customerEmail,
            line_items: input.lines.map((line) => ({
              quantity: line.quantity,
              price_data: {
                currency: input.currency.toLowerCase(),
                unit_amount: line.unitAmountMinor,
                product_data: { name: line.name },
              },
            })),
            ...(coupon ? { discounts: [{ coupon }] } : {}),
            success_url: input.successUrl,
            cancel_url: input.cancelUrl,
            expires_at: sessionExpiry(input.expiresAt),
          },
          { idempotencyKey: checkoutIdempotencyKey(input.orderId, input.attempt) },
        );
        if (!session.url) throw new PaymentGatewayError("Stripe returned a checkout session without a URL.");
        return { sessionId: session.id, url: session.url };
      } catch (error) {
        throw error instanceof PaymentGatewayError ? error : gatewayError("start the checkout", error);
      }
    },

    async refund(request: RefundRequest): Promise<GatewayRefund> {
      try {
        const refund = await client.refunds.create(
          {
            payment_intent: request.paymentIntentId,
            amount: request.amountMinor,
            metadata: { orderId: request.orderId, refundId: request.refundId },
          },
          { idempotencyKey: refundIdempotencyKey(request.refundId) },
        );
        return { gatewayRefundId: refund.id };
      } catch (error) {
        throw gatewayError("refund the payment", error);
      }
    },

    async retrieveCheckout(sessionId: string): Promise<CheckoutState> {
      try {
        const session = await client.checkout.sessions.retrieve(sessionId);
        // Anything but open or complete (expired, or a status added later) cannot be paid any more.
        const status: CheckoutState["status"] = session.status === "open" ? "open" : session.status === "complete" ? "complete" : "expired";
        return { status, url: session.url, expiresAt: new Date(session.expires_at * 1000) };
      } catch (error) {
        throw gatewayError("read the checkout", error);
      }
    },

    async expireCheckout(sessionId: string): Promise<void> {
      try {
        await client.checkout.sessions.expire(sessionId);
      } catch (error) {
        // A session that was completed or expired meanwhile cannot be expired: nothing to do.
        if (error instanceof Stripe.errors.StripeInvalidRequestError) return;
        throw gatewayError("expire the checkout", error);
      }
    },
  };
}
