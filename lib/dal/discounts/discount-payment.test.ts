import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { testGateway } from "@/lib/payment-gateway/test-gateway";
import { checkoutSessionObject, type TestCheckoutState } from "@/lib/payments/test-gateway/stripe-objects";
import { placeOrder, startPayment } from "@/lib/dal/orders/orders";
import { orderFixtures, refundingGateway, testAddress, testCheckoutSettings } from "@/lib/dal/orders/test-fixtures";
import { cancelPaidOrderForFraud } from "@/lib/dal/orders/fraud/cancel";
import { delivered } from "@/lib/dal/payments/event-fixtures";
import { processPaymentEvent } from "@/lib/dal/payments/events";
import { RefundError, requestRefund } from "@/lib/dal/payments/refunds";
import { getTestCheckout } from "@/lib/dal/payments/test-gateway";
import { applyDiscountCode } from "./cart-discount";
import { discountFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

const { createProduct, customer, fillCart, staffMember } = orderFixtures();
const { createCode, usesOf } = discountFixtures();
const context = { ip: "192.0.2.44", userAgent: "Stripe/1.0", requestId: null };
const urls = (orderId: string) => ({ successUrl: `http://shop.test/s/${orderId}`, cancelUrl: "http://shop.test/c" });

/** An order of 2 × 20.00 with a 25 % code, its hosted test checkout open: 40.00 − 10.00 + 5.00 shipping + 3.50 tax = 38.50. */
async function discountedOrder() {
  const code = await createCode({ percentOff: 25 });
  const viewer = await customer();
  const product = await createProduct({ priceMinor: 2000, stock: 10 });
  await fillCart(viewer.userId, [{ variantId: product.variantId, quantity: 2 }]);
  await applyDiscountCode({ session: viewer, guestToken: null }, code.code);
  const { orderId } = await placeOrder(viewer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
  await startPayment(viewer, orderId, testGateway, urls);
  const session = await db.testGatewaySession.findFirstOrThrow({ where: { orderId } });
  const state: TestCheckoutState = { ...session, status: "complete", paymentStatus: "paid" };
  return { code, orderId, state };
}

const paidEvent = (state: TestCheckoutState) => delivered("checkout.session.completed", checkoutSessionObject(state));

describe("a discounted order's payment", () => {
  it("sends the discount to the gateway, whose total is the order's", async () => {
    const { code, orderId, state } = await discountedOrder();
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ subtotalMinor: 4000, discountMinor: 1000, taxMinor: 350, totalMinor: 3850 });

    expect(state).toMatchObject({ amountTotal: 3850, amountDiscount: 1000, discountName: `Discount ${code.code}` });
    const session = checkoutSessionObject(state);
    expect(session).toMatchObject({ amount_subtotal: 4850, amount_total: 3850, total_details: { amount_discount: 1000 } });
    const page = await getTestCheckout(state.id);
    expect(page?.discount).toEqual({ name: `Discount ${code.code}`, amountMinor: 1000 });
    const lines = page?.lines.reduce((sum, line) => sum + line.unitAmountMinor * line.quantity, 0) ?? 0;
    expect(lines - (page?.discount?.amountMinor ?? 0)).toBe(order.totalMinor);
  });

  it("counts the use once the webhook reconciles the discounted total", async () => {
    const { code, orderId, state } = await discountedOrder();
    expect(await processPaymentEvent(paidEvent(state), context)).toBe("applied");
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ paymentStatus: "paid", capturedMinor: 3850 });
    expect((await usesOf(code.id)).map((use) => use.status)).toEqual(["redeemed"]);
  });

  it("holds the order when the processor's total ignores the discount", async () => {
    const { orderId, state } = await discountedOrder();
    expect(await processPaymentEvent(paidEvent({ ...state, amountTotal: 4850, amountDiscount: 0 }), context)).toBe("held");
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ paymentStatus: "on_hold", holdReason: expect.stringContaining("order total 3850") });
  });

  it("never refunds more than the discounted payment", async () => {
    const { orderId, state } = await discountedOrder();
    await processPaymentEvent(paidEvent(state), context);
    const staff = await staffMember("admin");
    const refund = (amountMinor: number) => requestRefund(staff, { orderId, amountMinor, reason: "Customer asked" }, refundingGateway(), context);

    expect(await refund(4850)).toEqual({ ok: false, code: RefundError.amountOutOfRange, left: 3850 });
    expect(await refund(3850)).toMatchObject({ ok: true });
  });

  it("frees the use when a paid order is cancelled by the fraud review", async () => {
    const { code, orderId, state } = await discountedOrder();
    await processPaymentEvent(paidEvent(state), context);
    await db.$transaction((tx) => cancelPaidOrderForFraud(tx, orderId, new Date(), { actor: "system" }));
    expect((await usesOf(code.id)).map((use) => use.status)).toEqual(["released"]);
  });
});
