import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { ORDER_STATUSES, type OrderStatus } from "@/lib/payments/order-transitions";
import { requestRefund } from "@/lib/dal/payments/refunds";
import { cancelOrderForStaff, fulfilOrder, getOrderForStaff } from "./staff-orders";
import { orderFixtures, testAddress, testCheckoutSettings } from "./test-fixtures";
import { placeOrder } from "./orders";

requireTestDatabaseUrl();

const { createProduct, customer, staffMember, fillCart } = orderFixtures();
const context = { ip: "192.0.2.91", userAgent: "vitest order actions", requestId: "req-order-actions" };

const gateway: PaymentGateway = {
  name: "test",
  createCheckout: () => Promise.reject(new Error("not used")),
  refund: () => Promise.resolve({ gatewayRefundId: `re_test_${randomUUID()}` }),
  retrieveCheckout: () => Promise.reject(new Error("not used")),
  expireCheckout: () => Promise.resolve(),
};

/** An order in `status`, with a captured payment or none. */
async function orderIn(status: OrderStatus, paid: boolean): Promise<string> {
  const buyer = await customer();
  const product = await createProduct({ stock: 6 });
  await fillCart(buyer.userId, [{ productId: product.id, quantity: 1 }]);
  const { orderId } = await placeOrder(buyer, { shippingMethod: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
  await db.order.update({
    where: { id: orderId },
    data: { status, capturedMinor: paid ? 3000 : 0, paymentIntentId: paid ? `pi_test_${orderId}` : null },
  });
  return orderId;
}

const accepted = async (attempt: Promise<{ ok: boolean }>) => (await attempt).ok;

describe("the staff order DTO's actions", () => {
  const cases = ORDER_STATUSES.flatMap((status) => [
    { status, paid: false },
    { status, paid: true },
  ]);

  it.each(cases)("match what the mutations accept: $status, paid=$paid", async ({ status, paid }) => {
    const admin = await staffMember("admin");
    const shown = (await getOrderForStaff(admin, await orderIn(status, paid)))?.actions;
    // A fresh order for each mutation: one that succeeded changes the order the next would see.
    const [forCancel, forRefund, forShip] = [await orderIn(status, paid), await orderIn(status, paid), await orderIn(status, paid)];
    const done = {
      cancel: await accepted(cancelOrderForStaff(admin, { orderId: forCancel, reason: "Customer asked" }, null, context)),
      refund: await accepted(requestRefund(admin, { orderId: forRefund, amountMinor: 1, reason: "Goodwill" }, gateway, context)),
      ship: await accepted(fulfilOrder(admin, forShip, context)),
    };
    expect(shown).toEqual(done);
  });

  it("offers nothing the viewer's role may not do", async () => {
    const unpaid = await orderIn("pending_payment", false);
    const paid = await orderIn("paid", true);
    expect((await getOrderForStaff(await staffMember("support"), unpaid))?.actions).toEqual({ cancel: true, refund: false, ship: false });
    expect((await getOrderForStaff(await staffMember("support"), paid))?.actions).toEqual({ cancel: false, refund: false, ship: false });
    expect((await getOrderForStaff(await staffMember("fulfilment"), paid))?.actions).toEqual({ cancel: false, refund: false, ship: true });
  });

  it("offers no refund once everything paid is claimed", async () => {
    const admin = await staffMember("admin");
    const orderId = await orderIn("paid", true);
    expect(await requestRefund(admin, { orderId, amountMinor: 3000, reason: "Whole order" }, gateway, context)).toMatchObject({ ok: true });
    expect((await getOrderForStaff(admin, orderId))?.actions.refund).toBe(false);
    expect(await requestRefund(admin, { orderId, amountMinor: 1, reason: "One more" }, gateway, context)).toEqual({ ok: false, code: "fully_refunded" });
  });
});
