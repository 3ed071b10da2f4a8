import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { placeOrder, startPayment } from "@/lib/dal/orders/orders";
import { orderFixtures, testAddress, testCheckoutSettings } from "@/lib/dal/orders/test-fixtures";
import { createStripeClient, createStripeGateway } from "@/lib/payments/stripe-gateway";
import { applyDiscountCode } from "./cart-discount";
import { discountFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

/** The Stripe SDK pointed at a local server that records each request and answers as Stripe's API does. */
type Recorded = { path: string; headers: IncomingMessage["headers"]; form: URLSearchParams };
const requests: Recorded[] = [];
let server: Server;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const form = new URLSearchParams(body);
      const path = request.url ?? "";
      requests.push({ path, headers: request.headers, form });
      const json =
        path === "/v1/coupons"
          ? { id: "coupon_boundary_1", object: "coupon", amount_off: Number(form.get("amount_off")), currency: form.get("currency") }
          : { id: "cs_test_discount_1", object: "checkout.session", url: "https://checkout.stripe.com/c/pay/cs_test_discount_1" };
      response.writeHead(200, { "content-type": "application/json", "request-id": "req_boundary" }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const { createProduct, customer, fillCart } = orderFixtures();
const { createCode } = discountFixtures();

describe("a discount at Stripe's HTTP boundary", () => {
  it("creates a one-use coupon for exactly the order's discount and applies it to the session", async () => {
    const code = await createCode({ kind: "fixed_amount", percentOff: null, amountOffMinor: 700 });
    const viewer = await customer();
    const product = await createProduct({ priceMinor: 3000, stock: 5 });
    await fillCart(viewer.userId, [{ variantId: product.variantId, quantity: 1 }]);
    await applyDiscountCode({ session: viewer, guestToken: null }, code.code);
    const { orderId } = await placeOrder(viewer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
    const { port } = server.address() as AddressInfo;
    const gateway = createStripeGateway(createStripeClient("sk_test_boundary", { host: "127.0.0.1", port, protocol: "http" }));

    await startPayment(viewer, orderId, gateway, (id) => ({ successUrl: `http://shop.test/s/${id}`, cancelUrl: "http://shop.test/c" }));

    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ subtotalMinor: 3000, discountMinor: 700, shippingMinor: 500, taxMinor: 280, totalMinor: 3080 });
    const [coupon, session] = requests;
    expect(coupon?.path).toBe("/v1/coupons");
    expect(coupon?.headers["idempotency-key"]).toBe(`coupon:${orderId}:1`);
    expect(Object.fromEntries(coupon?.form ?? [])).toMatchObject({
      amount_off: "700",
      currency: "usd",
      duration: "once",
      max_redemptions: "1",
      name: `Discount ${code.code}`,
      "metadata[orderId]": orderId,
    });
    expect(session?.path).toBe("/v1/checkout/sessions");
    expect(session?.form.get("discounts[0][coupon]")).toBe("coupon_boundary_1");
    // Full-price lines minus the coupon is what Stripe charges: the order's total.
    const form = session!.form;
    let lines = 0;
    for (let i = 0; form.has(`line_items[${i}][quantity]`); i++) {
      lines += Number(form.get(`line_items[${i}][price_data][unit_amount]`)) * Number(form.get(`line_items[${i}][quantity]`));
    }
    expect(lines - 700).toBe(order.totalMinor);
  });
});
