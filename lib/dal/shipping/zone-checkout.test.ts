import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { getCheckoutSummary } from "@/lib/dal/orders/checkout";
import { CheckoutError } from "@/lib/dal/orders/checkout-errors";
import { placeOrder, startPayment } from "@/lib/dal/orders/orders";
import { getTestCheckout } from "@/lib/dal/payments/test-gateway";
import { testGateway } from "@/lib/payment-gateway/test-gateway";
import { flatPricingRules } from "@/lib/payments/flat-pricing";
import { orderFixtures, testAddress, testCheckoutSettings } from "@/lib/dal/orders/test-fixtures";

requireTestDatabaseUrl();

/*
 * Checkout priced by the zones in the database (no pinned rules): two zones of
 * countries no other suite ships to (Pitcairn; Niue), each with its own rates,
 * and Pitcairn's tax rate with a region of its own.
 */
const { createProduct, customer, fillCart, stockOf } = orderFixtures();
const { pricing: _pinned, ...databaseSettings } = testCheckoutSettings;
const suffix = Math.random().toString(36).slice(2, 8);
const ids = { zones: [] as string[], taxes: [] as string[], rates: {} as Record<string, string> };

beforeAll(async () => {
  const pitcairn = await db.shippingZone.create({
    data: {
      name: `Pitcairn ${suffix}`,
      countries: { create: [{ country: "PN" }] },
      rates: {
        create: [
          { name: "Boat", kind: "weight", position: 0, bands: { create: [{ minGrams: 0, maxGrams: 1000, amountMinor: 1200 }, { minGrams: 1000, maxGrams: 3000, amountMinor: 2500 }] } },
          { name: "Boat free over", kind: "free_over", amountMinor: 900, freeFromMinor: 10_000, position: 1 },
        ],
      },
    },
    include: { rates: true },
  });
  const niue = await db.shippingZone.create({
    data: { name: `Niue ${suffix}`, countries: { create: [{ country: "NU" }] }, rates: { create: [{ name: "Plane", kind: "flat", amountMinor: 300 }] } },
    include: { rates: true },
  });
  ids.zones.push(pitcairn.id, niue.id);
  for (const rate of [...pitcairn.rates, ...niue.rates]) ids.rates[rate.name] = rate.id;
  const taxes = await db.taxRate.createManyAndReturn({
    data: [
      { country: "PN", region: "", basisPoints: 1500 },
      { country: "PN", region: "Adamstown", basisPoints: 2000 },
    ],
  });
  ids.taxes.push(...taxes.map((tax) => tax.id));
});
afterAll(async () => {
  await db.shippingZone.deleteMany({ where: { id: { in: ids.zones } } });
  await db.taxRate.deleteMany({ where: { id: { in: ids.taxes } } });
});

const toPitcairn = (region: string | null = null) => ({ newAddress: { ...testAddress, country: "PN", region }, save: false });

async function buyerWithCart(priceMinor: number, weightGrams: number, quantity = 2) {
  const buyer = await customer();
  const product = await createProduct({ priceMinor, stock: 10, weightGrams });
  await fillCart(buyer.userId, [{ variantId: product.variantId, quantity }]);
  return { buyer, product };
}

describe("checkout by shipping zone", () => {
  it("offers only the destination zone's rates, priced by weight and threshold, with its tax", async () => {
    const { buyer } = await buyerWithCart(2000, 400);
    const summary = await getCheckoutSummary(buyer);
    const pitcairn = summary?.quotes[summary.countryQuotes.PN ?? ""];
    expect(pitcairn?.options.map((option) => [option.label, option.shipping.amountMinor, option.tax.amountMinor, option.total.amountMinor])).toEqual([
      ["Boat", 1200, 780, 5980], // 800 g: first band; 15 % of 40.00 + 12.00
      ["Boat free over", 900, 735, 5635],
    ]);
    expect(pitcairn).toMatchObject({ taxRateBasisPoints: 1500, taxIncluded: false });
    expect(summary?.quotes[summary.countryQuotes.NU ?? ""]?.options.map((option) => option.label)).toEqual(["Plane"]);
  });

  it("places the order with the zone's rate, the region's tax, and stores what it charged", async () => {
    const { buyer } = await buyerWithCart(6000, 700); // 1400 g: second band; 120.00 of goods: free over 100.00
    const { orderId } = await placeOrder(buyer, { shippingRateId: ids.rates["Boat"]!, address: toPitcairn("adamstown") }, databaseSettings);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({
      subtotalMinor: 12_000,
      shippingMinor: 2500,
      taxRateBasisPoints: 2000,
      taxMinor: 2900,
      totalMinor: 17_400,
      taxIncluded: false,
      shippingMethod: "Boat",
      shippingRateId: ids.rates["Boat"],
      shipCountry: "PN",
    });

    const free = await buyerWithCart(6000, 100);
    const second = await placeOrder(free.buyer, { shippingRateId: ids.rates["Boat free over"]!, address: toPitcairn() }, databaseSettings);
    expect(await db.order.findUniqueOrThrow({ where: { id: second.orderId } })).toMatchObject({ shippingMinor: 0, taxMinor: 1800, totalMinor: 13_800 });
  });

  it("refuses another zone's rate (and a made-up one): no order, no stock taken, the cart kept", async () => {
    const { buyer, product } = await buyerWithCart(2000, 100);
    for (const rateId of [ids.rates["Plane"]!, "standard"]) {
      const attempt = placeOrder(buyer, { shippingRateId: rateId, address: toPitcairn() }, databaseSettings);
      await expect(attempt).rejects.toThrow(CheckoutError);
      await expect(attempt).rejects.toMatchObject({ code: "shipping_rate_unavailable" });
    }
    expect(await db.order.count({ where: { userId: buyer.userId } })).toBe(0);
    expect(await stockOf(product.variantId)).toBe(10);
    expect(await db.cartItem.count({ where: { cart: { userId: buyer.userId } } })).toBe(1);
  });

  it("refuses a rate whose weight bands the order is above", async () => {
    const { buyer } = await buyerWithCart(1000, 2000); // 4 kg: above the last band
    await expect(placeOrder(buyer, { shippingRateId: ids.rates["Boat"]!, address: toPitcairn() }, databaseSettings)).rejects.toMatchObject({ code: "shipping_rate_unavailable" });
  });
});

describe("prices that include tax", () => {
  const included = { ...testCheckoutSettings, pricing: { ...flatPricingRules(500, 1500, 2000), pricesIncludeTax: true } };
  const urls = (orderId: string) => ({ successUrl: `http://shop.test/checkout/success?order=${orderId}`, cancelUrl: `http://shop.test/o/${orderId}` });

  it("stores the tax the total contains and charges the gateway the total, with no tax line on top", async () => {
    const { buyer } = await buyerWithCart(2500, 100); // 50.00 of goods + 5.00 shipping, 20 % included
    const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, included);
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      subtotalMinor: 5000,
      shippingMinor: 500,
      totalMinor: 5500,
      taxMinor: 917, // 55.00 × 20/120 = 9.1666…
      taxIncluded: true,
      taxRateBasisPoints: 2000,
    });
    const started = await startPayment(buyer, orderId, testGateway, urls);
    const view = await getTestCheckout(started?.url.split("/").pop() ?? "");
    expect(view).toMatchObject({ amountTotal: 5500 });
    expect(view?.lines.map((line) => line.unitAmountMinor)).toEqual([2500, 500]);
  });

  it("is refused by the database when an included tax is added to the total again", async () => {
    const { buyer } = await buyerWithCart(2500, 100, 1);
    const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, included);
    await expect(db.order.update({ where: { id: orderId }, data: { totalMinor: { increment: 500 } } })).rejects.toThrow(/sql_order_amounts/);
  });
});
