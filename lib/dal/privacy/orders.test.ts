import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { orderFixtures, testAddress, testCheckoutSettings } from "@/lib/dal/orders/test-fixtures";
import { placeOrder } from "@/lib/dal/orders/orders";
import { deleteMyAccount, exportMyData } from "./my-data";

requireTestDatabaseUrl();

const { createProduct, customer, fillCart, stockOf } = orderFixtures();
const context = { ip: "192.0.2.44", userAgent: "vitest privacy orders" };

async function customerWithOrders() {
  const viewer = await customer();
  const product = await createProduct({ priceMinor: 1500, stock: 10 });
  const order = async (quantity: number) => {
    await fillCart(viewer.userId, [{ variantId: product.variantId, quantity }]);
    return (await placeOrder(viewer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings))
      .orderId;
  };
  const paidId = await order(1);
  await db.order.update({ where: { id: paidId }, data: { paymentStatus: "paid", capturedMinor: 2200, paymentIntentId: `pi_test_${paidId}` } });
  const pendingId = await order(2);
  return { viewer, variantId: product.variantId, paidId, pendingId };
}

describe("orders and privacy rights", () => {
  it("exports the customer's orders with their lines and decrypted address, without internal ids", async () => {
    const { viewer } = await customerWithOrders();
    const exported = await exportMyData(viewer, context);
    expect(exported.orders).toHaveLength(2);
    const [latest] = exported.orders;
    expect(latest).toMatchObject({
      paymentStatus: "pending",
      shippingAddress: { line1: "221 Baker Street", city: "Springfield", country: "US" },
      lines: [{ quantity: 2, unitPrice: { amountMinor: 1500, currency: "USD" } }],
    });
    expect(JSON.stringify(exported.orders)).not.toMatch(/"id"|pi_test_|paymentIntent|checkoutSession/);
  });

  it("on deletion keeps the orders for accounting, shreds their address snapshots and cancels unpaid ones", async () => {
    const { viewer, variantId, paidId, pendingId } = await customerWithOrders();
    expect(await stockOf(variantId)).toBe(7);

    await deleteMyAccount(viewer, context);

    const orders = await db.order.findMany({ where: { id: { in: [paidId, pendingId] } }, orderBy: { createdAt: "asc" } });
    expect(orders.map((order) => order.paymentStatus)).toEqual(["paid", "cancelled"]);
    for (const order of orders) {
      expect(order).toMatchObject({
        shipRecipientName: null,
        shipLine1: null,
        shipLine2: null,
        shipCity: null,
        shipRegion: null,
        shipPostalCode: null,
        shipPhone: null,
        shipCountry: "US",
      });
      expect(order.addressErasedAt).toBeInstanceOf(Date);
      expect(order.totalMinor).toBeGreaterThan(0); // the accounting record stays
    }
    expect(await stockOf(variantId)).toBe(9); // the unpaid order's 2 units are back on sale
    expect(await db.cart.count({ where: { userId: viewer.userId } })).toBe(0);
  });

  it("on deletion removes mail already sent to the customer from the job queue", async () => {
    const { viewer } = await customerWithOrders();
    await db.$executeRaw`INSERT INTO pgboss.job (name, data, state, completed_on)
      VALUES ('mail', ${JSON.stringify({ to: viewer.user.email, subject: "Sent", text: "x" })}::jsonb, 'completed', now())`;
    const sent = () => db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE data->>'to' = ${viewer.user.email} AND state = 'completed'`;
    expect(Number((await sent())[0]?.n)).toBe(1);
    await deleteMyAccount(viewer, context);
    expect(Number((await sent())[0]?.n)).toBe(0);
  });
});
