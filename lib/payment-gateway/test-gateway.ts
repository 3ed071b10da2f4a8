import "server-only";
import { env } from "@/lib/env";
import { createTestCheckout, expireTestCheckout, readTestCheckoutState, refundTestPayment, TestRefundError, type TestRefundErrorCode } from "@/lib/dal/payments/test-gateway";
import {
  checkoutIdempotencyKey,
  type CreateCheckoutInput,
  type PaymentGateway,
  PaymentGatewayError,
  refundIdempotencyKey,
} from "@/lib/payments/gateway";

/** The test processor's refusals, worded as the staff member who asked for the refund sees them. */
const testRefundMessages: Record<TestRefundErrorCode, string> = {
  no_captured_payment: "No captured payment to refund.",
  exceeds_payment: "The refund exceeds what is left of the payment.",
};

/** The test payment page of a hosted test checkout. */
export function testCheckoutUrl(sessionId: string): string {
  return `${env.SITE_URL}/test-gateway/${sessionId}`;
}

/** The offline test gateway (demo and tests): same interface as Stripe, no network, no card data. */
export const testGateway: PaymentGateway = {
  name: "test",

  async createCheckout(input: CreateCheckoutInput) {
    const sessionId = await createTestCheckout(input, checkoutIdempotencyKey(input.orderId, input.attempt));
    return { sessionId, url: testCheckoutUrl(sessionId) };
  },

  async refund(request) {
    try {
      const gatewayRefundId = await refundTestPayment(request.paymentIntentId, request.amountMinor, refundIdempotencyKey(request.refundId));
      return { gatewayRefundId };
    } catch (error) {
      if (error instanceof TestRefundError) throw new PaymentGatewayError(testRefundMessages[error.code]);
      throw error;
    }
  },

  async retrieveCheckout(sessionId) {
    const state = await readTestCheckoutState(sessionId);
    if (!state) throw new PaymentGatewayError("No such test checkout.");
    return { ...state, url: state.status === "open" ? testCheckoutUrl(sessionId) : null };
  },

  expireCheckout: (sessionId) => expireTestCheckout(sessionId),
};
