import { describe, expect, it, vi } from "vitest";
import { generateToken, hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { createActionLimiters } from "@/lib/auth/rate-limit/action-limits";
import { orderStatusRefusal } from "@/lib/auth/rate-limit/order-status-throttle";
import { deleteKeys, testPostgresStore, testPrefix } from "@/lib/auth/rate-limit/test-support";
import { queueOrderConfirmation, sendOrderConfirmation } from "./confirmation";
import { guestFixtures } from "./guest-test-fixtures";
import { resolveOrderRecipient } from "./order-recipient";
import { placeOrder } from "./orders";
import { findOrderByStatusToken, issueOrderStatusLink, NotAGuestOrderError, startPaymentByStatusToken } from "./status-links";
import { testGateway } from "@/lib/payment-gateway/test-gateway";
import { orderFixtures, testAddress, testCheckoutSettings } from "./test-fixtures";

const sendMail = vi.fn(async (_message: { to: string; subject: string; text: string }) => undefined);

requireTestDatabaseUrl();

const { createProduct, customer, fillCart } = orderFixtures();
const { guest, guestEmail, order } = guestFixtures();

async function guestOrder(email = guestEmail()) {
  const product = await createProduct();
  return (await order(await guest([{ variantId: product.variantId, quantity: 1 }]), email)).orderId;
}

const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

describe("order-status links", () => {
  it("are 256 random bits, stored only as a hash, expiring after 90 days", async () => {
    const orderId = await guestOrder();
    const before = Date.now();
    const url = await issueOrderStatusLink(orderId);
    expect(url).toMatch(/^https?:\/\/[^/]+\/orders\/status\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(url);
    expect(url).not.toContain(orderId);

    const rows = await db.orderStatusToken.findMany({ where: { orderId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const days = ((rows[0]?.expiresAt.getTime() ?? 0) - before) / 86_400_000;
    expect(days).toBeGreaterThan(89.99);
    expect(days).toBeLessThan(90.01);

    expect((await findOrderByStatusToken(token))?.id).toBe(orderId);
  });

  it("open nothing for a guessed, malformed, expired or hash-as-token value, alike", async () => {
    const orderId = await guestOrder();
    const token = tokenOf(await issueOrderStatusLink(orderId));
    const guessed = generateToken();
    for (const value of [guessed, "short", `${token}x`, "../../account", hashToken(token), orderId, ""]) {
      expect(await findOrderByStatusToken(value)).toBeNull();
    }
    await db.orderStatusToken.updateMany({ where: { orderId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findOrderByStatusToken(token)).toBeNull();
  });

  it("show each guest only their own order", async () => {
    const first = await guestOrder();
    const second = await guestOrder();
    const firstToken = tokenOf(await issueOrderStatusLink(first));
    const secondToken = tokenOf(await issueOrderStatusLink(second));
    expect((await findOrderByStatusToken(firstToken))?.id).toBe(first);
    expect((await findOrderByStatusToken(secondToken))?.id).toBe(second);
  });

  it("are never issued for an account's order, whose page is under /account", async () => {
    const buyer = await customer();
    const product = await createProduct();
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);
    const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
    await expect(issueOrderStatusLink(orderId)).rejects.toBeInstanceOf(NotAGuestOrderError);
    expect(await db.orderStatusToken.count({ where: { orderId } })).toBe(0);
    expect(await resolveOrderRecipient(orderId)).toEqual({
      email: buyer.user.email,
      name: buyer.user.name,
      orderLink: expect.stringMatching(new RegExp(`/account/orders/${orderId}$`)),
    });
  });
});

describe("paying through a status link", () => {
  it("opens the payment page only where the order page would offer it, and only for a live token", async () => {
    const urls = (orderId: string) => ({ successUrl: `http://shop.test/ok/${orderId}`, cancelUrl: `http://shop.test/back/${orderId}` });
    const orderId = await guestOrder();
    const token = tokenOf(await issueOrderStatusLink(orderId));
    expect((await findOrderByStatusToken(token))?.actions.pay).toBe(true);
    expect(await startPaymentByStatusToken(generateToken(), testGateway, urls)).toBeNull();
    expect((await startPaymentByStatusToken(token, testGateway, urls))?.url).toMatch(/\/test-gateway\/cs_test_/);

    await db.order.update({ where: { id: orderId }, data: { paymentStatus: "cancelled" } });
    expect((await findOrderByStatusToken(token))?.actions.pay).toBe(false);
    expect(await startPaymentByStatusToken(token, testGateway, urls)).toBeNull();
  });
});

describe("a paid guest order's confirmation", () => {
  it("is queued naming only the order, and the worker mails a fresh status link to the guest's address", async () => {
    const email = guestEmail();
    const orderId = await guestOrder(email);
    await db.$transaction((tx) => queueOrderConfirmation(tx, orderId));
    const jobs = await db.$queryRaw<{ data: Record<string, unknown> }[]>`
      SELECT data FROM pgboss.job WHERE name = 'orders' AND data->>'orderId' = ${orderId} AND data->>'type' = 'order.confirmation'`;
    expect(jobs.map((job) => job.data)).toEqual([{ type: "order.confirmation", orderId }]);
    expect(await db.orderStatusToken.count({ where: { orderId } })).toBe(0);

    sendMail.mockClear();
    await expect(sendOrderConfirmation(orderId, sendMail)).resolves.toBe(true);
    const message = sendMail.mock.calls[0]?.[0];
    expect(message?.to).toBe(email.trim().toLowerCase());
    expect(message?.subject).toMatch(/confirmed/);
    expect(message?.text).toContain(testAddress.recipientName);
    expect(message?.text).not.toMatch(/password/i); // a guest has none to change
    const link = /https?:\/\/\S+\/orders\/status\/([A-Za-z0-9_-]{43})/.exec(message?.text ?? "");
    expect(link?.[1]).toBeDefined();
    expect((await findOrderByStatusToken(link?.[1] ?? ""))?.id).toBe(orderId);
    const stored = await db.orderStatusToken.findMany({ where: { orderId }, select: { tokenHash: true } });
    expect(stored).toEqual([{ tokenHash: hashToken(link?.[1] ?? "") }]);
  });
});

describe("the order-status throttle", () => {
  it("lets 30 lookups a minute through per client address, then answers 429 with Retry-After", async () => {
    const { store, pool } = testPostgresStore();
    const prefix = testPrefix("order-status");
    const limiters = createActionLimiters({ store, keyPrefix: prefix });
    const from = (ip: string) => new Headers({ "x-forwarded-for": ip });
    const path = `/orders/status/${generateToken()}`;
    try {
      for (let i = 0; i < 30; i += 1) expect(await orderStatusRefusal(path, from("198.51.100.23"), limiters)).toBeNull();
      const refusal = await orderStatusRefusal(`/orders/status/${generateToken()}`, from("198.51.100.23"), limiters);
      expect(refusal?.status).toBe(429);
      expect(Number(refusal?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refusal?.text()).not.toContain("/orders/status");
      // Another client is not held back, and other pages are not counted.
      expect(await orderStatusRefusal(path, from("198.51.100.24"), limiters)).toBeNull();
      expect(await orderStatusRefusal("/account/orders", from("198.51.100.23"), limiters)).toBeNull();
    } finally {
      await deleteKeys(pool, prefix);
      await pool.end();
    }
  });
});
