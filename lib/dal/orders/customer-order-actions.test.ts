import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { testGateway } from "@/lib/payment-gateway/test-gateway";
import { PAYMENT_STATUSES } from "@/lib/orders/payment-status";
import { getMyOrder } from "./my-orders";
import { placeOrder, startPayment } from "./orders";
import { orderFixtures, testAddress, testCheckoutSettings } from "./test-fixtures";

requireTestDatabaseUrl();

const { createProduct, customer, fillCart } = orderFixtures();
const context = { ip: "192.0.2.92", userAgent: "vitest customer order actions", requestId: "req-customer-order-actions" };
const urls = () => ({ successUrl: "http://shop.test/s", cancelUrl: "http://shop.test/c" });

describe("the customer order DTO's actions.pay", () => {
  const cases = PAYMENT_STATUSES.flatMap((status) =>
    [false, true].flatMap((paid) => [false, true].map((expired) => ({ status, paid, expired }))),
  );

  it.each(cases)("matches what the pay mutation accepts: $status, paid=$paid, expired=$expired", async ({ status, paid, expired }) => {
    const buyer = await customer();
    const product = await createProduct({ stock: 4 });
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);
    const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
    await db.order.update({
      where: { id: orderId },
      data: {
        paymentStatus: status,
        paymentIntentId: paid ? `pi_test_${orderId}` : null,
        reservationExpiresAt: new Date(Date.now() + (expired ? -60_000 : 600_000)),
      },
    });
    const shown = (await getMyOrder(buyer, orderId, context))?.actions.pay;
    const accepted = (await startPayment(buyer, orderId, testGateway, urls)) !== null;
    expect(shown).toBe(accepted);
  });
});
