import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { placeOrder } from "@/lib/dal/orders/orders";
import { expireReservation } from "@/lib/dal/orders/reservations";
import { orderFixtures, testAddress, testCheckoutSettings } from "@/lib/dal/orders/test-fixtures";
import { guestFixtures } from "@/lib/dal/orders/guest-test-fixtures";
import { hashToken } from "@/lib/crypto/tokens";
import { mergeGuestCart } from "@/lib/dal/cart/merge";
import { getCheckoutSummary } from "@/lib/dal/orders/checkout";
import { applyDiscountCode, removeDiscountCode } from "./cart-discount";
import { DiscountError } from "./discount-error";
import { discountFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

const { createProduct, customer, fillCart, stockOf } = orderFixtures();
const { guest, guestEmail, order: placeGuest } = guestFixtures();
const { createCode, usesOf } = discountFixtures();
const newAddress = { newAddress: testAddress, save: false };

/** A customer with `quantity` of a 25.00 product in their cart, and the code applied to it. */
async function buyerWithCode(code: string, quantity = 2, product?: { id: string; variantId: string }) {
  const viewer = await customer();
  const item = product ?? (await createProduct({ priceMinor: 2500, stock: 50 }));
  await fillCart(viewer.userId, [{ variantId: item.variantId, quantity }]);
  const applied = await applyDiscountCode({ session: viewer, guestToken: null }, code.toLowerCase());
  return { viewer, product: item, applied };
}

const place = (viewer: Awaited<ReturnType<typeof customer>>, now?: Date) =>
  placeOrder(viewer, { shippingRateId: "standard", address: newAddress }, testCheckoutSettings, now);

describe("discount codes at order placement", () => {
  it("takes the discount off the goods before tax, holds one use, and clears the code from the cart", async () => {
    const code = await createCode({ percentOff: 10 });
    const { viewer, applied } = await buyerWithCode(code.code);
    expect(applied).toEqual({ ok: true, code: code.code });

    const { orderId } = await place(viewer);

    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    // 50.00 goods − 5.00 discount + 5.00 shipping = 50.00; 10 % tax = 5.00.
    expect(order).toMatchObject({ subtotalMinor: 5000, discountMinor: 500, shippingMinor: 500, taxMinor: 500, totalMinor: 5500 });
    expect(await usesOf(code.id)).toEqual([{ orderId, status: "held", amountMinor: 500, userId: viewer.userId }]);
    expect((await db.cart.findUniqueOrThrow({ where: { userId: viewer.userId } })).discountCodeId).toBeNull();
  });

  it("shows the discount in the checkout totals, computed on the server, and removes it on request", async () => {
    const code = await createCode({ percentOff: 10 });
    const { viewer } = await buyerWithCode(code.code);

    const summary = await getCheckoutSummary(viewer, testCheckoutSettings.pricing);
    expect(summary?.discount).toEqual({ code: code.code, amount: { amountMinor: 500, currency: "USD" }, problem: null });
    expect(summary?.quotes[summary.countryQuotes.US ?? ""]?.options.find((option) => option.rateId === "standard")?.total).toEqual({ amountMinor: 5500, currency: "USD" });

    await db.discountCode.update({ where: { id: code.id }, data: { endsAt: new Date(Date.now() - 1000), startsAt: new Date(Date.now() - 2000) } });
    const expired = await getCheckoutSummary(viewer, testCheckoutSettings.pricing);
    expect(expired?.discount).toMatchObject({ problem: "expired", amount: { amountMinor: 0 } });
    expect(expired?.quotes[expired.countryQuotes.US ?? ""]?.options.find((option) => option.rateId === "standard")?.total.amountMinor).toBe(6050);

    await removeDiscountCode({ session: viewer, guestToken: null });
    expect((await getCheckoutSummary(viewer, testCheckoutSettings.pricing))?.discount).toBeNull();
  });

  it("refuses an expired code with nothing of the order kept", async () => {
    const code = await createCode({ endsAt: new Date(Date.now() + 60_000) });
    const { viewer, product } = await buyerWithCode(code.code);

    const later = new Date(Date.now() + 120_000);
    await expect(place(viewer, later)).rejects.toMatchObject({ name: "DiscountError", code: "expired" });

    expect(await db.order.count({ where: { userId: viewer.userId } })).toBe(0);
    expect(await stockOf(product.variantId)).toBe(50);
    expect(await db.cartItem.count({ where: { cart: { userId: viewer.userId } } })).toBe(1);
    expect(await usesOf(code.id)).toEqual([]);
  });

  it("refuses a code staff deactivated after it was applied", async () => {
    const code = await createCode();
    const { viewer } = await buyerWithCode(code.code);
    await db.discountCode.update({ where: { id: code.id }, data: { active: false } });
    await expect(place(viewer)).rejects.toMatchObject({ code: "unknown" });
  });

  it("refuses below the minimum subtotal and outside its categories", async () => {
    const minimum = await createCode({ minSubtotalMinor: 10_000 });
    expect((await buyerWithCode(minimum.code)).applied).toEqual({ ok: false, code: "below_minimum" });
    const otherCategory = await createCode({ categoryIds: ["no-such-category"] });
    expect((await buyerWithCode(otherCategory.code)).applied).toEqual({ ok: false, code: "not_applicable" });
  });

  it("answers an unknown, malformed or deactivated code alike", async () => {
    const off = await createCode({ active: false });
    for (const attempt of ["NOPE-NOT-A-CODE", "x", "'; DROP TABLE", off.code]) {
      expect((await buyerWithCode(attempt)).applied).toEqual({ ok: false, code: "unknown" });
    }
  });

  it("refuses a code whose total limit paid and unpaid orders have reached", async () => {
    const code = await createCode({ totalLimit: 1 });
    const first = await buyerWithCode(code.code);
    const second = await buyerWithCode(code.code);
    await place(first.viewer);
    await expect(place(second.viewer)).rejects.toMatchObject({ code: "exhausted" });
  });

  it("gives the use back when the unpaid order expires", async () => {
    const code = await createCode({ totalLimit: 1 });
    const first = await buyerWithCode(code.code);
    const { orderId } = await place(first.viewer);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { reservationExpiresAt: true } });

    expect(await expireReservation(orderId, new Date(order.reservationExpiresAt.getTime() + 1000))).toMatchObject({ outcome: "cancelled" });

    expect((await usesOf(code.id)).map((use) => use.status)).toEqual(["released"]);
    const second = await buyerWithCode(code.code);
    expect(second.applied.ok).toBe(true);
    await expect(place(second.viewer)).resolves.toHaveProperty("orderId");
  });

  it("holds the total limit when many customers place orders with the last uses at once", async () => {
    const code = await createCode({ totalLimit: 5 });
    const product = await createProduct({ priceMinor: 2500, stock: 100 });
    const buyers = await Promise.all(Array.from({ length: 20 }, () => buyerWithCode(code.code, 1, product)));
    expect(buyers.every((buyer) => buyer.applied.ok)).toBe(true);

    const results = await Promise.allSettled(buyers.map((buyer) => place(buyer.viewer)));

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(5);
    for (const result of results.filter((entry) => entry.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(DiscountError);
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "exhausted" });
    }
    expect(await usesOf(code.id)).toHaveLength(5);
    expect(await stockOf(product.variantId)).toBe(95); // the refused orders reserved nothing
  });

  it("holds the per-customer limit when one buyer uses the code twice at once", async () => {
    const code = await createCode({ perCustomerLimit: 1 });
    const product = await createProduct({ priceMinor: 2500, stock: 100 });
    const email = guestEmail();
    // One buyer (one email) in several browsers, each with the code applied, all checking out at once.
    const carts = await Promise.all(Array.from({ length: 8 }, () => guest([{ variantId: product.variantId, quantity: 1 }])));
    for (const shopper of carts) expect((await applyDiscountCode(shopper, code.code)).ok).toBe(true);

    const results = await Promise.allSettled(carts.map((shopper) => placeGuest(shopper, email)));

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((entry) => entry.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ name: "DiscountError", code: "used_up" });
    }
    expect(await usesOf(code.id)).toHaveLength(1);
    expect(await stockOf(product.variantId)).toBe(99);
  });

  it("counts a customer's guest checkout with their own email toward their limit", async () => {
    const code = await createCode({ perCustomerLimit: 1 });
    const product = await createProduct({ priceMinor: 2500, stock: 10 });
    const viewer = await customer();
    const shopper = await guest([{ variantId: product.variantId, quantity: 1 }]);
    await applyDiscountCode(shopper, code.code);
    await placeGuest(shopper, viewer.user.email.toUpperCase());

    await fillCart(viewer.userId, [{ variantId: product.variantId, quantity: 1 }]);
    expect(await applyDiscountCode({ session: viewer, guestToken: null }, code.code)).toEqual({ ok: false, code: "used_up" });
  });
});

describe("a discount code applied as a guest", () => {
  it("follows the cart into the account when the guest signs in", async () => {
    const code = await createCode();
    const product = await createProduct({ priceMinor: 2500, stock: 10 });
    const shopper = await guest([{ variantId: product.variantId, quantity: 1 }]);
    expect((await applyDiscountCode(shopper, code.code)).ok).toBe(true);
    const viewer = await customer();

    await mergeGuestCart(viewer.userId, hashToken(shopper.guestToken ?? ""));

    expect((await getCheckoutSummary(viewer, testCheckoutSettings.pricing))?.discount).toMatchObject({ code: code.code, amount: { amountMinor: 250 } });
  });
});
