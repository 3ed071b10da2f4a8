import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { guestFixtures } from "../guest-test-fixtures";
import { placeOrder } from "../orders";
import { orderFixtures, testAddress, testCheckoutSettings } from "../test-fixtures";
import { loadRiskFacts } from "./facts";

requireTestDatabaseUrl();

const { createProduct, customer, fillCart } = orderFixtures();
const { guest, refill, guestEmail, order } = guestFixtures();

const facts = (orderId: string, now = new Date()) => db.$transaction((tx) => loadRiskFacts(tx, orderId, now));

describe("the facts the fraud score reads", () => {
  it("counts the account's and the client address's other orders in the last hour and day, and the account's age", async () => {
    const buyer = await customer();
    const product = await createProduct({ stock: 50 });
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);
      ids.push((await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false }, clientIp: ip }, testCheckoutSettings)).orderId);
    }
    // One of them placed two hours ago: in the day, not in the hour.
    await db.order.update({ where: { id: ids[0]! }, data: { createdAt: new Date(Date.now() - 2 * 3_600_000) } });
    const loaded = await facts(ids[2]!);
    expect(loaded.account).toEqual({ lastHour: 1, lastDay: 2 });
    expect(loaded.clientAddress).toEqual({ lastHour: 1, lastDay: 2 });
    expect(loaded.email).toEqual({ lastHour: 0, lastDay: 0 });
    expect(loaded.accountCreatedAt).toBeInstanceOf(Date);
    expect(loaded).toMatchObject({ shipCountry: testAddress.country, billingCountry: null, processorRiskLevel: null, cardTestingAlerts: 0 });
  });

  it("counts a guest's orders by their email, and finds open card-testing alerts on the client address", async () => {
    const product = await createProduct({ stock: 50 });
    const email = guestEmail();
    const ip = "203.0.113.77";
    const shopper = await guest([{ variantId: product.variantId, quantity: 1 }]);
    await order(shopper, email, undefined, testCheckoutSettings);
    await refill(shopper, [{ variantId: product.variantId, quantity: 1 }]);
    const { orderId } = await order(shopper, email.toUpperCase(), ip, testCheckoutSettings);
    const row = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { clientAddressIndex: true } });
    const subject = `addr:${row.clientAddressIndex!.slice(0, 16)}`;
    const alert = await db.securityAlert.create({ data: { kind: "card_testing", severity: "high", subject, message: "test alert" } });
    try {
      const loaded = await facts(orderId);
      expect(loaded).toMatchObject({ account: null, email: { lastHour: 1, lastDay: 1 }, accountCreatedAt: null, cardTestingAlerts: 1 });
      // An acknowledged alert no longer counts.
      await db.securityAlert.update({ where: { id: alert.id }, data: { acknowledgedAt: new Date() } });
      expect((await facts(orderId)).cardTestingAlerts).toBe(0);
    } finally {
      await db.securityAlert.delete({ where: { id: alert.id } });
    }
  });
});
