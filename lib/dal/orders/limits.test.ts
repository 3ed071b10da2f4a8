import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { UNKNOWN_IP } from "@/lib/http/client-ip";
import { forgetClientAddressesOfSettledOrders, ORDER_LIMIT_CODES, OrderLimitError } from "./limits";
import { orderFixtures, testAddress, testCheckoutSettings } from "./test-fixtures";
import { type CheckoutSettings, placeOrder, type PlaceOrderInput } from "./orders";

requireTestDatabaseUrl();

/** Stock cannot be hoarded: unpaid orders are capped per account, per client address, and in units per product. */
const { createProduct, customer, fillCart, stockOf } = orderFixtures();
const ship = (clientIp?: string): PlaceOrderInput => ({ shippingRateId: "standard", address: { newAddress: testAddress, save: false }, clientIp });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof OrderLimitError ? error : Promise.reject(error)),
  );
const openOrdersOf = (userId: string) => db.order.count({ where: { userId, paymentStatus: "pending" } });
let nextIp = 1;
const freshIp = () => `198.51.100.${nextIp++}`;

describe("caps against stock hoarding", () => {
  it("refuses a fourth open order of one account, and allows it once an order is paid", async () => {
    const buyer = await customer();
    const ip = freshIp();
    const products = await Promise.all(Array.from({ length: 4 }, () => createProduct({ stock: 50 })));
    for (const product of products.slice(0, 3)) {
      await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);
      await placeOrder(buyer, ship(ip), testCheckoutSettings);
    }
    await fillCart(buyer.userId, [{ variantId: products[3]!.variantId, quantity: 1 }]);

    const refused = await refusal(placeOrder(buyer, ship(ip), testCheckoutSettings));
    expect(refused?.code).toBe(ORDER_LIMIT_CODES.openOrdersPerAccount);
    expect(refused?.detail).toEqual({ limit: 3 });
    expect(await openOrdersOf(buyer.userId)).toBe(3);
    expect(await stockOf(products[3]!.variantId)).toBe(50); // nothing reserved, the cart kept
    expect(await db.cartItem.count({ where: { cart: { userId: buyer.userId } } })).toBe(1);

    const paid = await db.order.findFirstOrThrow({ where: { userId: buyer.userId }, select: { id: true } });
    await db.order.update({ where: { id: paid.id }, data: { paymentStatus: "paid" } });
    await expect(placeOrder(buyer, ship(ip), testCheckoutSettings)).resolves.toMatchObject({ orderId: expect.any(String) });
  });

  it("stops one account from piling up units of one product across orders", async () => {
    const hoarder = await customer();
    const product = await createProduct({ stock: 100, maxPerOrder: 7 });
    const other = await createProduct({ stock: 100 });
    // Order after order, as fast as the shop answers (today: 63 units in 2 s).
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 9; attempt += 1) {
      await fillCart(hoarder.userId, [{ variantId: product.variantId, quantity: 7 }]);
      const refused = await refusal(placeOrder(hoarder, ship(freshIp()), testCheckoutSettings));
      outcomes.push(refused?.code ?? "placed");
      if (refused) await db.cartItem.deleteMany({ where: { cart: { userId: hoarder.userId } } });
    }
    expect(outcomes).toEqual(["placed", ...Array(8).fill(ORDER_LIMIT_CODES.unitsPerProduct)]);
    expect(await stockOf(product.variantId)).toBe(93);

    // One more unit is refused too, with what the message needs; another product is fine.
    await fillCart(hoarder.userId, [{ variantId: product.variantId, quantity: 1 }]);
    const refused = await refusal(placeOrder(hoarder, ship(freshIp()), testCheckoutSettings));
    expect(refused?.detail).toMatchObject({ limit: 7, heldUnits: 7, productName: expect.stringMatching(/^Test Speaker/) });
    await db.cartItem.deleteMany({ where: { cart: { userId: hoarder.userId } } });
    await fillCart(hoarder.userId, [{ variantId: other.variantId, quantity: 2 }]);
    await expect(placeOrder(hoarder, ship(freshIp()), testCheckoutSettings)).resolves.toBeDefined();
  });

  it("caps units per product by the setting when it is below the product's per-order maximum", async () => {
    const buyer = await customer();
    const product = await createProduct({ stock: 100, maxPerOrder: 10 });
    const settings: CheckoutSettings = { ...testCheckoutSettings, limits: { ...testCheckoutSettings.limits, unitsPerProduct: 4 } };
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 5 }]);
    expect((await refusal(placeOrder(buyer, ship(freshIp()), settings)))?.detail).toMatchObject({ limit: 4, heldUnits: 0 });
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 3 }]);
    await placeOrder(buyer, ship(freshIp()), settings);
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 2 }]);
    expect((await refusal(placeOrder(buyer, ship(freshIp()), settings)))?.detail).toMatchObject({ limit: 4, heldUnits: 3 });
  });

  it("caps open orders from one client address across accounts, even when they check out at once", async () => {
    const ip = freshIp();
    const settings: CheckoutSettings = { ...testCheckoutSettings, limits: { ...testCheckoutSettings.limits, openOrdersPerAddress: 4 } };
    const product = await createProduct({ stock: 100 });
    const buyers = await Promise.all(Array.from({ length: 8 }, () => customer()));
    for (const buyer of buyers) await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);

    const results = await Promise.all(buyers.map((buyer) => refusal(placeOrder(buyer, ship(ip), settings))));

    expect(results.filter((result) => result === null)).toHaveLength(4);
    expect(results.filter((result) => result?.code === ORDER_LIMIT_CODES.openOrdersPerAddress)).toHaveLength(4);
    expect(await stockOf(product.variantId)).toBe(96);
    // Another address, or one the server cannot know, is not held to this address's cap.
    const [refusedOne, refusedTwo] = buyers.filter((_, index) => results[index] !== null);
    await expect(placeOrder(refusedOne!, ship(freshIp()), settings)).resolves.toBeDefined();
    await expect(placeOrder(refusedTwo!, ship(UNKNOWN_IP), settings)).resolves.toBeDefined();
  });

  it("stores only a keyed digest of the client address on the order", async () => {
    const buyer = await customer();
    const product = await createProduct();
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);
    const { orderId } = await placeOrder(buyer, ship("203.0.113.77"), testCheckoutSettings);
    const row = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { clientAddressIndex: true } });
    expect(row.clientAddressIndex).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await db.order.findUniqueOrThrow({ where: { id: orderId } }))).not.toContain("203.0.113.77");

    // Kept only while the order is open: the retention sweep forgets it once the order is paid.
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);
    const open = await placeOrder(buyer, ship("203.0.113.77"), testCheckoutSettings);
    await db.order.update({ where: { id: orderId }, data: { paymentStatus: "paid" } });
    expect(await forgetClientAddressesOfSettledOrders()).toBeGreaterThanOrEqual(1);
    const digests = await db.order.findMany({ where: { id: { in: [orderId, open.orderId] } }, select: { id: true, clientAddressIndex: true } });
    expect(Object.fromEntries(digests.map((row) => [row.id, row.clientAddressIndex]))).toEqual({
      [orderId]: null,
      [open.orderId]: row.clientAddressIndex,
    });
  });
});
