import { describe, expect, it } from "vitest";
import { decryptField, isEncryptedEnvelope } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { createMyAddress } from "@/lib/dal/accounts/addresses";
import { openShippingAddress, shippingAddressSelect } from "./shipping-address";
import { orderFixtures, testAddress, testCheckoutSettings } from "./test-fixtures";
import { placeOrder, startPayment } from "./orders";
import { CheckoutError } from "./checkout-errors";
import { testGateway } from "@/lib/payment-gateway/test-gateway";

requireTestDatabaseUrl();

const { createProduct, customer, fillCart, stockOf } = orderFixtures();
const newAddress = { newAddress: testAddress, save: false };

describe("placing an order", () => {
  it("prices the order from the database, reserves stock and empties the cart", async () => {
    const buyer = await customer();
    const speaker = await createProduct({ priceMinor: 2500, stock: 7 });
    const cable = await createProduct({ priceMinor: 999, stock: 3 });
    await fillCart(buyer.userId, [
      { variantId: speaker.variantId, quantity: 2 },
      { variantId: cable.variantId, quantity: 3 },
    ]);

    const { orderId } = await placeOrder(buyer, { shippingRateId: "express", address: newAddress }, testCheckoutSettings);

    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
    expect(order).toMatchObject({
      paymentStatus: "pending",
      fulfillmentStatus: "unfulfilled",
      currency: "USD",
      subtotalMinor: 7997, // 2 × 25.00 + 3 × 9.99
      shippingMinor: 1500,
      taxMinor: 950, // 10 % of 94.97, rounded half up
      totalMinor: 10447,
      userId: buyer.userId,
    });
    expect(order.items.map((item) => [item.productName, item.unitPriceMinor, item.quantity]).sort()).toEqual(
      [
        [speaker.name, 2500, 2],
        [cable.name, 999, 3],
      ].sort(),
    );
    expect(await stockOf(speaker.variantId)).toBe(5);
    expect(await stockOf(cable.variantId)).toBe(0);
    expect(await db.cartItem.count({ where: { cart: { userId: buyer.userId } } })).toBe(0);
    expect(order.reservationExpiresAt.getTime() - order.createdAt.getTime()).toBeGreaterThan(29 * 60_000);
    const jobs = await db.$queryRaw<{ start_after: Date }[]>`
      SELECT start_after FROM pgboss.job WHERE name = 'orders' AND data->>'orderId' = ${orderId}`;
    expect(jobs).toHaveLength(1);
    expect(Math.abs(jobs[0]!.start_after.getTime() - order.reservationExpiresAt.getTime())).toBeLessThan(1000);
  });

  it("stores the address snapshot encrypted and bound to the order", async () => {
    const buyer = await customer();
    const product = await createProduct();
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);
    const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: newAddress }, testCheckoutSettings);

    const row = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: shippingAddressSelect });
    for (const value of [row.shipRecipientName, row.shipLine1, row.shipCity, row.shipPostalCode, row.shipPhone]) {
      expect(isEncryptedEnvelope(value ?? "")).toBe(true);
    }
    expect(JSON.stringify(row)).not.toContain("Baker Street");
    expect(openShippingAddress(row)).toMatchObject({ line1: "221 Baker Street", city: "Springfield", country: "US" });
    // Bound to this order: the same ciphertext read as another order's fails.
    expect(() => decryptField(row.shipLine1 ?? "", { model: "Order", field: "shipLine1", ownerId: "another-order" })).toThrow();
  });

  it("ships to a saved address of the buyer, and never to another customer's", async () => {
    const buyer = await customer();
    const stranger = await customer();
    const product = await createProduct({ stock: 5 });
    const own = await createMyAddress(buyer, { ...testAddress, line1: "9 Own Road" });
    const theirs = await createMyAddress(stranger, { ...testAddress, line1: "1 Secret Lane" });
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);

    await expect(
      placeOrder(buyer, { shippingRateId: "standard", address: { savedAddressId: theirs } }, testCheckoutSettings),
    ).rejects.toThrow(CheckoutError);
    expect(await stockOf(product.variantId)).toBe(5);
    expect(await db.cartItem.count({ where: { cart: { userId: buyer.userId } } })).toBe(1);

    const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: { savedAddressId: own } }, testCheckoutSettings);
    const row = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: shippingAddressSelect });
    expect(openShippingAddress(row)?.line1).toBe("9 Own Road");
  });

  it("refuses a saved address that does not decrypt, instead of shipping to the unreadable marker", async () => {
    const buyer = await customer();
    const product = await createProduct({ stock: 5 });
    const source = await createMyAddress(buyer, { ...testAddress, line1: "1 First Road" });
    const target = await createMyAddress(buyer, { ...testAddress, line1: "2 Second Road" });
    const copied = (await db.address.findUniqueOrThrow({ where: { id: source } })).line1;
    await db.address.update({ where: { id: target }, data: { line1: copied } });
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);

    await expect(
      placeOrder(buyer, { shippingRateId: "standard", address: { savedAddressId: target } }, testCheckoutSettings),
    ).rejects.toMatchObject({ name: "CheckoutError", code: "address_unreadable" });
    expect(await stockOf(product.variantId)).toBe(5);
    expect(await db.order.count({ where: { userId: buyer.userId } })).toBe(0);
  });

  it("saves a new address to the address book when asked", async () => {
    const buyer = await customer();
    const product = await createProduct();
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);
    await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: true } }, testCheckoutSettings);
    expect(await db.address.count({ where: { userId: buyer.userId } })).toBe(1);
  });

  it.each([
    ["an empty cart", async () => ({ lines: [] as { variantId: string; quantity: number }[] })],
    ["an unpublished product", async () => ({ lines: [{ variantId: (await createProduct({ published: false })).variantId, quantity: 1 }] })],
    ["more than the per-order maximum", async () => ({ lines: [{ variantId: (await createProduct({ maxPerOrder: 2 })).variantId, quantity: 3 }] })],
    ["more than the stock", async () => ({ lines: [{ variantId: (await createProduct({ stock: 2 })).variantId, quantity: 3 }] })],
  ])("refuses %s and changes nothing", async (_, setUp) => {
    const buyer = await customer();
    const plenty = await createProduct({ stock: 10 });
    const { lines } = await setUp();
    if (lines.length > 0) await fillCart(buyer.userId, [{ variantId: plenty.variantId, quantity: 1 }, ...lines]);

    await expect(placeOrder(buyer, { shippingRateId: "standard", address: newAddress }, testCheckoutSettings)).rejects.toThrow(CheckoutError);
    expect(await db.order.count({ where: { userId: buyer.userId } })).toBe(0);
    expect(await stockOf(plenty.variantId)).toBe(10); // the reservation made before the failing line was rolled back
    expect(await db.cartItem.count({ where: { cart: { userId: buyer.userId } } })).toBe(lines.length > 0 ? 2 : 0);
  });

  it("refuses staff accounts and customers who have not confirmed their email", async () => {
    const product = await createProduct();
    for (const viewer of [await customer({ audience: "staff" }), await customer({ emailVerified: false })]) {
      await fillCart(viewer.userId, [{ variantId: product.variantId, quantity: 1 }]);
      await expect(placeOrder(viewer, { shippingRateId: "standard", address: newAddress }, testCheckoutSettings)).rejects.toThrow(
        CheckoutError,
      );
    }
    expect(await stockOf(product.variantId)).toBe(20);
  });

  it("sells the last 10 units to exactly 10 of 100 concurrent buyers", async () => {
    const scarce = await createProduct({ stock: 10, maxPerOrder: 1 });
    const buyers = await Promise.all(Array.from({ length: 100 }, () => customer()));
    for (const buyer of buyers) await fillCart(buyer.userId, [{ variantId: scarce.variantId, quantity: 1 }]);

    const results = await Promise.allSettled(
      buyers.map((buyer) => placeOrder(buyer, { shippingRateId: "standard", address: newAddress }, testCheckoutSettings)),
    );

    const placed = results.filter((result) => result.status === "fulfilled");
    const refused = results.filter((result) => result.status === "rejected");
    expect(placed).toHaveLength(10);
    expect(refused).toHaveLength(90);
    for (const result of refused) expect((result as PromiseRejectedResult).reason).toBeInstanceOf(CheckoutError);
    expect(await stockOf(scarce.variantId)).toBe(0);
    const reserved = await db.orderItem.aggregate({ where: { productId: scarce.id }, _sum: { quantity: true } });
    expect(reserved._sum.quantity).toBe(10);
  });

  it("never opens a payment page for another customer's order", async () => {
    const owner = await customer();
    const stranger = await customer();
    const product = await createProduct();
    await fillCart(owner.userId, [{ variantId: product.variantId, quantity: 1 }]);
    const { orderId } = await placeOrder(owner, { shippingRateId: "standard", address: newAddress }, testCheckoutSettings);
    const urls = () => ({ successUrl: "http://shop.test/s", cancelUrl: "http://shop.test/c" });

    expect(await startPayment(stranger, orderId, testGateway, urls)).toBeNull();
    const untouched = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(untouched).toMatchObject({ paymentAttempt: 0, checkoutSessionId: null });
    expect(await db.testGatewaySession.count({ where: { orderId } })).toBe(0);
    expect((await startPayment(owner, orderId, testGateway, urls))?.url).toMatch(/\/test-gateway\/cs_test_/);
  });
});
