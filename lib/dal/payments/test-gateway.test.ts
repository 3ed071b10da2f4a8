import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { testGateway } from "@/lib/payment-gateway/test-gateway";
import { deliverEvents } from "@/lib/payments/test-gateway/deliver-events";
import { verifyWebhook } from "@/lib/payments/webhook-signature";
import { orderFixtures, testAddress, testCheckoutSettings } from "@/lib/dal/orders/test-fixtures";
import { placeOrder, startPayment } from "@/lib/dal/orders/orders";
import { ASYNC_RESULT_DELAY_SECONDS, getTestCheckout, refundTestPayment, settleTestCheckout, type TestOutcome } from "./test-gateway";

requireTestDatabaseUrl();

const { createProduct, customer, fillCart } = orderFixtures();
const urls = (orderId: string) => ({ successUrl: `http://shop.test/checkout/success?order=${orderId}`, cancelUrl: `http://shop.test/o/${orderId}` });

async function openCheckout() {
  const buyer = await customer();
  const product = await createProduct({ priceMinor: 1000 });
  await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);
  const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
  const started = await startPayment(buyer, orderId, testGateway, urls);
  const sessionId = started?.url.split("/").pop() ?? "";
  return { orderId, sessionId };
}

type QueuedDelivery = { types: string[]; startAfter: Date; createdOn: Date };

/** Queued deliveries whose events mention `reference` (an order id, or a payment intent for charge events). */
async function deliveries(reference: string): Promise<QueuedDelivery[]> {
  const rows = await db.$queryRaw<{ data: { events: { type: string }[] }; start_after: Date; created_on: Date }[]>`
    SELECT data, start_after, created_on FROM pgboss.job
     WHERE name = 'payment-events' AND data::text LIKE ${`%${reference}%`} ORDER BY start_after`;
  return rows.map((row) => ({ types: row.data.events.map((event) => event.type), startAfter: row.start_after, createdOn: row.created_on }));
}

describe("offline test gateway", () => {
  it("shows the checkout with the order's lines and total", async () => {
    const { sessionId } = await openCheckout();
    const view = await getTestCheckout(sessionId);
    expect(view).toMatchObject({ currency: "USD", amountTotal: 1650, open: true }); // 10.00 + 5.00 shipping + 10 % tax
    expect(view?.lines.map((line) => line.unitAmountMinor)).toEqual([1000, 500, 150]);
  });

  it.each<[TestOutcome, string[][], "success" | "cancel"]>([
    ["pay", [["checkout.session.completed", "charge.succeeded"]], "success"],
    ["pay_risky", [["checkout.session.completed", "charge.succeeded"]], "success"],
    ["pay_later", [["checkout.session.completed"], ["checkout.session.async_payment_succeeded", "charge.succeeded"]], "success"],
    ["decline", [["checkout.session.completed"], ["checkout.session.async_payment_failed"]], "success"],
    ["abandon", [["checkout.session.expired"]], "cancel"],
  ])("plays %s as Stripe would", async (outcome, expected, destination) => {
    const { orderId, sessionId } = await openCheckout();
    const next = await settleTestCheckout(sessionId, outcome);
    expect(next).toBe(destination === "success" ? urls(orderId).successUrl : urls(orderId).cancelUrl);
    const queued = await deliveries(orderId);
    expect(queued.map((delivery) => delivery.types)).toEqual(expected);
    if (queued.length === 2) {
      const delay = queued[1]!.startAfter.getTime() - queued[0]!.startAfter.getTime();
      expect(delay).toBeGreaterThanOrEqual((ASYNC_RESULT_DELAY_SECONDS - 1) * 1000);
    }
    // Settled once: a second choice is refused (the page is no longer open).
    expect(await settleTestCheckout(sessionId, "pay")).toBeNull();
    expect(await deliveries(orderId)).toHaveLength(expected.length);
  });

  it("refunds idempotently and never more than was paid", async () => {
    const { sessionId } = await openCheckout();
    await settleTestCheckout(sessionId, "pay");
    const { paymentIntentId } = await db.testGatewaySession.findUniqueOrThrow({ where: { id: sessionId } });
    const first = await refundTestPayment(paymentIntentId, 650, "refund:a");
    expect(await refundTestPayment(paymentIntentId, 650, "refund:a")).toBe(first);
    await expect(refundTestPayment(paymentIntentId, 1001, "refund:b")).rejects.toMatchObject({ code: "exceeds_payment" });
    const refunded = (await deliveries(paymentIntentId)).filter((delivery) => delivery.types[0] === "charge.refunded");
    expect(refunded).toHaveLength(1);
    expect((await db.testGatewaySession.findUniqueOrThrow({ where: { id: sessionId } })).amountRefunded).toBe(650);
  });
});

describe("test gateway event delivery", () => {
  const received: { signature: string; body: string }[] = [];
  let server: Server;
  let status = 200;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received.push({ signature: String(request.headers["stripe-signature"]), body });
        response.writeHead(status, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/stripe`;
  const events = [
    { id: "evt_test_a", object: "event", type: "customer.created", created: 1, livemode: false, data: { object: {} } },
    { id: "evt_test_b", object: "event", type: "customer.updated", created: 1, livemode: false, data: { object: {} } },
  ];

  it("posts each event in order, signed so that the endpoint's verification accepts it", async () => {
    received.length = 0;
    await deliverEvents(events, { url: url(), secret: "whsec_delivery_suite" });
    expect(received.map((delivery) => JSON.parse(delivery.body).id)).toEqual(["evt_test_a", "evt_test_b"]);
    for (const delivery of received) {
      expect(verifyWebhook(delivery.body, delivery.signature, "whsec_delivery_suite")).toMatchObject({ ok: true });
      expect(verifyWebhook(delivery.body, delivery.signature, "whsec_another_secret")).toMatchObject({ ok: false });
    }
  });

  it("fails (so the job is retried) when the endpoint does not answer 2xx", async () => {
    status = 500;
    await expect(deliverEvents(events, { url: url(), secret: "whsec_delivery_suite" })).rejects.toThrow(/answered 500/);
    status = 200;
  });
});
