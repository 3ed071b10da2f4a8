import { db } from "@/lib/db";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { stripeEvent, type TestCheckoutState } from "@/lib/payments/test-gateway/stripe-objects";
import { type PaymentEvent } from "@/lib/payments/webhook-event";
import { signWebhookPayload, verifyWebhook } from "@/lib/payments/webhook-signature";
import { type orderFixtures, testAddress, testCheckoutSettings } from "@/lib/dal/orders/test-fixtures";
import { placeOrder, startPayment } from "@/lib/dal/orders/orders";

const secret = "whsec_payment_events_suite_secret";
const urls = (orderId: string) => ({ successUrl: `http://shop.test/s/${orderId}`, cancelUrl: "http://shop.test/c" });

/** An event as the endpoint receives it: serialised, signed, verified and parsed like a real delivery. */
export function delivered(type: string, object: Record<string, unknown>): PaymentEvent {
  const payload = JSON.stringify(stripeEvent(type, object));
  const verified = verifyWebhook(payload, signWebhookPayload(payload, secret), secret);
  if (!verified.ok || !verified.event) throw new Error(`test event did not verify: ${JSON.stringify(verified)}`);
  return verified.event;
}

/** Builds orders awaiting payment with an open hosted checkout at `gateway` (the test gateway); stock 5, 2 reserved. */
export function pendingOrders({ createProduct, customer, fillCart }: ReturnType<typeof orderFixtures>, gateway: PaymentGateway) {
  return async function pendingOrder() {
    const buyer = await customer();
    const product = await createProduct({ priceMinor: 2000, stock: 5 });
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 2 }]);
    const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
    await startPayment(buyer, orderId, gateway, urls);
    const session = await db.testGatewaySession.findFirstOrThrow({ where: { orderId } });
    const state: TestCheckoutState = { ...session, status: "complete", paymentStatus: "paid" };
    return { orderId, productId: product.id, variantId: product.variantId, state, userId: buyer.userId, email: buyer.user.email };
  };
}
