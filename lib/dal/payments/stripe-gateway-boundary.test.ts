import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { orderFixtures, testAddress, testCheckoutSettings } from "@/lib/dal/orders/test-fixtures";
import { placeOrder, startPayment } from "@/lib/dal/orders/orders";
import { requestRefund } from "./refunds";
import { refundStrayPayment } from "./stray-payments";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { PaymentGatewayError } from "@/lib/payments/gateway";
import { createStripeClient, createStripeGateway } from "@/lib/payments/stripe-gateway";

requireTestDatabaseUrl();

/**
 * The Stripe implementation at its HTTP boundary: the real SDK, pointed at a
 * local server that records each request and answers as Stripe's API does.
 */
type Recorded = { method: string; path: string; headers: IncomingMessage["headers"]; form: URLSearchParams };

const requests: Recorded[] = [];
let server: Server;
let refuseNext = false;
let created = 0;
/** How long a retrieved checkout session has left to live, in seconds. */
let sessionSecondsLeft = 3600;

function stripeAnswer(method: string, path: string, form: URLSearchParams): [number, object] {
  if (refuseNext) {
    refuseNext = false;
    return [400, { error: { type: "invalid_request_error", message: "Amount must be no more than the charge." } }];
  }
  if (path === "/v1/checkout/sessions") {
    const id = `cs_test_boundary_${++created}`;
    return [200, { id, object: "checkout.session", url: `https://checkout.stripe.com/c/pay/${id}` }];
  }
  if (path === "/v1/refunds") return [200, { id: `re_boundary_${++created}`, object: "refund", amount: Number(form.get("amount")), status: "succeeded" }];
  if (method === "GET" && path.startsWith("/v1/checkout/sessions/")) {
    const id = path.split("/")[4] ?? "";
    const expiresAt = Math.floor(Date.now() / 1000) + sessionSecondsLeft;
    return [200, { id, object: "checkout.session", status: "open", url: `https://checkout.stripe.com/c/pay/${id}`, expires_at: expiresAt }];
  }
  if (path.endsWith("/expire")) return [200, { id: path.split("/")[4], object: "checkout.session", status: "expired" }];
  return [404, { error: { type: "invalid_request_error", message: "Unknown path" } }];
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const form = new URLSearchParams(body);
      requests.push({ method: request.method ?? "", path: request.url ?? "", headers: request.headers, form });
      const [status, json] = stripeAnswer(request.method ?? "", request.url ?? "", form);
      response.writeHead(status, { "content-type": "application/json", "request-id": "req_boundary" }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const { createProduct, customer, staffMember, fillCart } = orderFixtures();
const context = { ip: "192.0.2.80", userAgent: "vitest refunds", requestId: null };

function gateway() {
  const { port } = server.address() as AddressInfo;
  return createStripeGateway(createStripeClient("sk_test_boundary", { host: "127.0.0.1", port, protocol: "http" }));
}

const urls = (orderId: string) => ({ successUrl: `http://shop.test/checkout/success?order=${orderId}`, cancelUrl: "http://shop.test/cart" });

async function orderWithCheckout() {
  const buyer = await customer();
  const product = await createProduct({ priceMinor: 3333 });
  await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 2 }]);
  const { orderId, number } = await placeOrder(buyer, { shippingRateId: "express", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
  requests.length = 0;
  const started = await startPayment(buyer, orderId, gateway(), urls);
  return { buyer, product, orderId, number, started };
}

describe("Stripe gateway at the HTTP boundary", () => {
  it("creates a hosted checkout from the order's database amounts, with metadata and an idempotency key", async () => {
    const { product, orderId, number, started } = await orderWithCheckout();
    expect(started?.url).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_boundary_\d+$/);

    const create = requests.find((request) => request.path === "/v1/checkout/sessions");
    expect(create?.method).toBe("POST");
    expect(create?.headers["idempotency-key"]).toBe(`checkout:${orderId}:1`);
    expect(create?.headers.authorization).toBe("Bearer sk_test_boundary");
    const form = create!.form;
    expect(form.get("mode")).toBe("payment");
    expect(form.get("client_reference_id")).toBe(orderId);
    expect(form.get("metadata[orderId]")).toBe(orderId);
    expect(form.get("metadata[orderNumber]")).toBe(number);
    expect(form.get("payment_intent_data[metadata][orderId]")).toBe(orderId);
    expect(form.get("line_items[0][price_data][product_data][name]")).toBe(product.name);
    expect(form.get("line_items[0][price_data][unit_amount]")).toBe("3333");
    expect(form.get("line_items[0][price_data][currency]")).toBe("usd");
    expect(form.get("line_items[0][quantity]")).toBe("2");
    expect(form.get("line_items[1][price_data][unit_amount]")).toBe("1500"); // express shipping
    expect(form.get("line_items[2][price_data][unit_amount]")).toBe("817"); // 10 % of 81.66, rounded
    const lines = [0, 1, 2].map((i) => Number(form.get(`line_items[${i}][price_data][unit_amount]`)) * Number(form.get(`line_items[${i}][quantity]`)));
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(lines.reduce((a, b) => a + b, 0)).toBe(order.totalMinor);
    expect(started?.url).toContain(order.checkoutSessionId);
    // Stripe's hosted page must live 30 minutes to 24 hours.
    const expiresAt = Number(form.get("expires_at"));
    expect(expiresAt - Date.now() / 1000).toBeGreaterThanOrEqual(30 * 60);
    expect(form.toString()).not.toMatch(/card|cvc|number=/i);
  });

  it("hands out the open hosted checkout again instead of opening a second one", async () => {
    const { buyer, orderId, started } = await orderWithCheckout();
    const first = (await db.order.findUniqueOrThrow({ where: { id: orderId } })).checkoutSessionId;
    requests.length = 0;
    expect((await startPayment(buyer, orderId, gateway(), urls))?.url).toBe(started?.url);
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([`GET /v1/checkout/sessions/${first}`]);
  });

  it("creates one Checkout Session for four concurrent Pay clicks", async () => {
    const buyer = await customer();
    const product = await createProduct({ priceMinor: 1200 });
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);
    const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
    requests.length = 0;
    const pages = await Promise.all(Array.from({ length: 4 }, () => startPayment(buyer, orderId, gateway(), urls)));
    expect(requests.filter((request) => request.path === "/v1/checkout/sessions")).toHaveLength(1);
    expect(requests.filter((request) => request.path.endsWith("/expire"))).toHaveLength(0);
    expect(new Set(pages.map((page) => page?.url)).size).toBe(1);
  });

  it("expires a hosted checkout about to end before creating the next, with a new key", async () => {
    const { buyer, orderId } = await orderWithCheckout();
    const first = (await db.order.findUniqueOrThrow({ where: { id: orderId } })).checkoutSessionId;
    requests.length = 0;
    sessionSecondsLeft = 30;
    try {
      await startPayment(buyer, orderId, gateway(), urls);
    } finally {
      sessionSecondsLeft = 3600;
    }
    expect(requests.map((request) => request.path)).toEqual([
      `/v1/checkout/sessions/${first}`,
      `/v1/checkout/sessions/${first}/expire`,
      "/v1/checkout/sessions",
    ]);
    expect(requests[2]?.headers["idempotency-key"]).toBe(`checkout:${orderId}:2`);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).checkoutSessionId).not.toBe(first);
  });

  it("refunds a stray payment in full, keyed by its payment intent, so a retry refunds nothing more", async () => {
    const { orderId } = await orderWithCheckout();
    const stray = await db.strayPayment.create({
      data: { orderId, checkoutSessionId: "cs_test_replaced", paymentIntentId: "pi_boundary_stray", amountMinor: 8983, currency: "USD" },
    });
    requests.length = 0;
    expect(await refundStrayPayment(stray.id, gateway())).toBe("refunded");
    expect(await refundStrayPayment(stray.id, gateway())).toBe("already_refunded");
    // The worker died after Stripe answered but before the refund was recorded: the retry sends the same key.
    await db.strayPayment.update({ where: { id: stray.id }, data: { refundedAt: null } });
    expect(await refundStrayPayment(stray.id, gateway())).toBe("refunded");
    expect(requests.map((request) => request.path)).toEqual(["/v1/refunds", "/v1/refunds"]);
    for (const request of requests) {
      expect(request.headers["idempotency-key"]).toBe("refund:stray:pi_boundary_stray");
      expect(request.form.get("payment_intent")).toBe("pi_boundary_stray");
      expect(request.form.get("amount")).toBe("8983");
    }
    expect(await db.strayPayment.findUniqueOrThrow({ where: { id: stray.id } })).toMatchObject({ gatewayRefundId: expect.stringMatching(/^re_boundary_/) });
  });

  it("refunds through Stripe with an idempotency key, within what was captured", async () => {
    const { orderId } = await orderWithCheckout();
    await db.order.update({ where: { id: orderId }, data: { paymentStatus: "paid", capturedMinor: 8983, paymentIntentId: "pi_boundary" } });
    const staff = await staffMember("admin");
    requests.length = 0;

    const refunded = await requestRefund(staff, { orderId, amountMinor: 1000, reason: "Damaged in transit" }, gateway(), context);
    expect(refunded.ok).toBe(true);
    const refundId = refunded.ok ? refunded.refundId : "";
    expect(requests).toHaveLength(1);
    expect(requests[0]?.path).toBe("/v1/refunds");
    expect(requests[0]?.headers["idempotency-key"]).toBe(`refund:${refundId}`);
    expect(requests[0]?.form.get("payment_intent")).toBe("pi_boundary");
    expect(requests[0]?.form.get("amount")).toBe("1000");
    expect(await db.refund.findUniqueOrThrow({ where: { id: refundId } })).toMatchObject({ gatewayRefundId: expect.stringMatching(/^re_boundary_/), status: "pending" });

    // 7983 is left: asking for more is refused before Stripe is called.
    requests.length = 0;
    expect(await requestRefund(staff, { orderId, amountMinor: 7984, reason: "Too much" }, gateway(), context)).toEqual({
      ok: false,
      code: "amount_out_of_range",
      left: 7983,
    });
    const audited = await db.auditEntry.findMany({ where: { action: "order.refund_requested", targetId: orderId } });
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actorId: staff.userId, actorRole: "admin", reason: "Damaged in transit", outcome: "success" });
    expect(requests).toHaveLength(0);
  });

  it("reports Stripe's refusal and frees the amount it had claimed", async () => {
    const { orderId } = await orderWithCheckout();
    await db.order.update({ where: { id: orderId }, data: { paymentStatus: "paid", capturedMinor: 8983, paymentIntentId: "pi_boundary_2" } });
    const staff = await staffMember("owner");
    refuseNext = true;
    await expect(requestRefund(staff, { orderId, amountMinor: 500, reason: "Refused upstream" }, gateway(), context)).rejects.toBeInstanceOf(
      PaymentGatewayError,
    );
    expect(await db.refund.findMany({ where: { orderId }, select: { status: true } })).toEqual([{ status: "failed" }]);
  });

  it("refuses refunds without orders:refund or without a recent second factor, and calls Stripe for neither", async () => {
    const { orderId } = await orderWithCheckout();
    await db.order.update({ where: { id: orderId }, data: { paymentStatus: "paid", capturedMinor: 8983, paymentIntentId: "pi_boundary_3" } });
    requests.length = 0;
    const support = await staffMember("support");
    await expect(requestRefund(support, { orderId, amountMinor: 100, reason: "Not mine to do" }, gateway(), context)).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
    const stale = await staffMember("admin", { reauthenticatedAt: new Date(Date.now() - 3_600_000) });
    expect(await requestRefund(stale, { orderId, amountMinor: 100, reason: "Old factor" }, gateway(), context)).toEqual({ ok: false, code: "step_up_required" });
    expect(requests).toHaveLength(0);
    expect(await db.refund.count({ where: { orderId } })).toBe(0);
  });
});
