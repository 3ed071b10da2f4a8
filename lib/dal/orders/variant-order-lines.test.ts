import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { orderLineName } from "@/lib/orders/order-line-name";
import { orderFixtures, testAddress, testCheckoutSettings } from "./test-fixtures";
import { placeOrder } from "./orders";
import { CheckoutError } from "./checkout-errors";

requireTestDatabaseUrl();

const { createProduct, customer, fillCart, stockOf } = orderFixtures();
const newAddress = { newAddress: testAddress, save: false };
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `change` on a variant in a transaction that holds the row until `checkout` has read the
 * cart and is waiting to reserve it, then commits: the checkout decides on the row as changed.
 */
async function changedDuringCheckout<T>(variantId: string, change: { archivedAt?: Date; stock?: number }, checkout: () => Promise<T>) {
  let commit = () => {};
  const committed = new Promise<void>((resolve) => (commit = resolve));
  let locked = () => {};
  const holding = new Promise<void>((resolve) => (locked = resolve));
  const changing = db.$transaction(
    async (tx) => {
      await tx.productVariant.update({ where: { id: variantId }, data: change, select: { id: true } });
      locked();
      await committed;
    },
    { timeout: 20_000 },
  );
  await holding;
  const result = checkout().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  await settle(500);
  commit();
  await changing;
  return result;
}

describe("an order line of a variant", () => {
  it("keeps the whole title of a variant with three options of the longest names and values staff may enter", async () => {
    const buyer = await customer();
    const product = await createProduct({ priceMinor: 1500, stock: 5 });
    // Option names are VARCHAR(40), values up to 60 characters (the admin options form).
    const options = ["A", "B", "C"].map((letter, position) => ({ productId: product.id, position, name: letter.repeat(40), values: [letter.toLowerCase().repeat(60)] }));
    await db.productOption.createMany({ data: options });
    await db.productVariant.update({ where: { id: product.variantId }, data: { optionValues: options.map((option) => option.values[0] as string) } });
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);

    const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: newAddress }, testCheckoutSettings);

    const [line] = await db.orderItem.findMany({ where: { orderId }, select: { productName: true, variantTitle: true, unitPriceMinor: true } });
    expect(line?.unitPriceMinor).toBe(1500);
    expect(line?.variantTitle).toBe(options.map((option) => `${option.name}: ${option.values[0]}`).join(" / "));
    expect(orderLineName(line!)).toContain("c".repeat(60));
  });
});

describe("a variant changed while its checkout waits for the row", () => {
  it("refuses as no longer available, not as short of stock, when the variant was archived", async () => {
    const buyer = await customer();
    const product = await createProduct({ stock: 10 });
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 2 }]);
    const outcome = await changedDuringCheckout(product.variantId, { archivedAt: new Date() }, () =>
      placeOrder(buyer, { shippingRateId: "standard", address: newAddress }, testCheckoutSettings),
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? null : outcome.error).toBeInstanceOf(CheckoutError);
    expect((outcome.ok ? null : (outcome.error as CheckoutError))?.code).toBe("product_unavailable");
    expect(await stockOf(product.variantId)).toBe(10);
  });

  it("names what is left now, not what was left when the cart was read", async () => {
    const buyer = await customer();
    const product = await createProduct({ stock: 4 });
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 3 }]);
    // Another order took 3 of the 4 meanwhile.
    const outcome = await changedDuringCheckout(product.variantId, { stock: 1 }, () =>
      placeOrder(buyer, { shippingRateId: "standard", address: newAddress }, testCheckoutSettings),
    );
    const error = outcome.ok ? null : (outcome.error as CheckoutError);
    expect(error?.code).toBe("not_enough_stock");
    expect(error?.detail.left).toBe(1);
  });
});

describe("the last unit of one variant", () => {
  it("goes to exactly one of two concurrent checkouts, and its sibling's stock is untouched", async () => {
    const product = await createProduct({ priceMinor: 1000, stock: 1 });
    const sibling = await db.productVariant.create({
      data: { productId: product.id, sku: `${product.slug}-B`.toUpperCase().slice(0, 64), optionValues: [], priceMinor: 1800, stock: 4, position: 1 },
      select: { id: true },
    });
    const buyers = [await customer(), await customer()];
    for (const buyer of buyers) await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);
    const results = await Promise.allSettled(buyers.map((buyer) => placeOrder(buyer, { shippingRateId: "standard", address: newAddress }, testCheckoutSettings)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "sold_out" });
    expect(await stockOf(product.variantId)).toBe(0);
    expect(await stockOf(sibling.id)).toBe(4);
    const [won] = results.flatMap((result) => (result.status === "fulfilled" ? [result.value.orderId] : []));
    expect(await db.orderItem.findMany({ where: { orderId: won }, select: { variantId: true, unitPriceMinor: true } })).toEqual([{ variantId: product.variantId, unitPriceMinor: 1000 }]);
  });
});
