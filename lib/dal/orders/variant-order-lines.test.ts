import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { orderLineName } from "@/lib/orders/order-line-name";
import { orderFixtures, testAddress, testCheckoutSettings } from "./test-fixtures";
import { placeOrder } from "./orders";

requireTestDatabaseUrl();

const { createProduct, customer, fillCart } = orderFixtures();

describe("an order line of a variant", () => {
  it("keeps the whole title of a variant with three options of the longest names and values staff may enter", async () => {
    const buyer = await customer();
    const product = await createProduct({ priceMinor: 1500, stock: 5 });
    // Option names are VARCHAR(40), values up to 60 characters (the admin options form).
    const options = ["A", "B", "C"].map((letter, position) => ({ productId: product.id, position, name: letter.repeat(40), values: [letter.toLowerCase().repeat(60)] }));
    await db.productOption.createMany({ data: options });
    await db.productVariant.update({ where: { id: product.variantId }, data: { optionValues: options.map((option) => option.values[0] as string) } });
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);

    const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);

    const [line] = await db.orderItem.findMany({ where: { orderId }, select: { productName: true, variantTitle: true, unitPriceMinor: true } });
    expect(line?.unitPriceMinor).toBe(1500);
    expect(line?.variantTitle).toBe(options.map((option) => `${option.name}: ${option.values[0]}`).join(" / "));
    expect(orderLineName(line!)).toContain("c".repeat(60));
  });
});
