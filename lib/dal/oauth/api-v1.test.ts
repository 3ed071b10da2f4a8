import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { createMyAddress } from "@/lib/dal/accounts/addresses";
import { revokeMySession } from "@/lib/dal/sessions/my-sessions";
import { placeOrder } from "@/lib/dal/orders/orders";
import { testAddress, testCheckoutSettings } from "@/lib/dal/orders/test-fixtures";
import { showCart } from "@/lib/api/v1/cart-handlers";
import { checkout, checkoutOptions } from "@/lib/api/v1/checkout-handler";
import { listProducts, searchCatalog, showProduct } from "@/lib/api/v1/catalog-handlers";
import { addAddress, listAddresses, listOrders, listSecurityActivity, showAddress, showMe, showOrder } from "@/lib/api/v1/account-handlers";
import { apiTestSupport } from "@/lib/oauth/api-test-support";

requireTestDatabaseUrl();

const { context, call, problemOf, customerWithApp, createProduct, fillCart } = apiTestSupport();

/** The ids of the account's app sessions (the ones a token belongs to). */
const appSessionIds = async (userId: string) =>
  (await db.session.findMany({ where: { userId, clientId: { not: null } }, select: { id: true } })).map((row) => row.id);

describe("/api/v1 authentication", () => {
  it("refuses a missing, malformed or unknown token with 401 problem details and a Bearer challenge", async () => {
    for (const token of [undefined, "A".repeat(43)]) {
      const response = await call(showMe, "/api/v1/me", { token });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="api"/);
      expect((await problemOf(response)).type).toBe("urn:shop:problem:unauthorized");
    }
    const basic = await call(showMe, "/api/v1/me", { headers: { authorization: "Basic abc" } });
    expect(basic.status).toBe(401);
  });

  it("never accepts the web session cookie", async () => {
    const { viewer } = await customerWithApp();
    const response = await call(showMe, "/api/v1/me", { headers: { cookie: `__Host-session=${viewer.sessionId}` } });
    expect(response.status).toBe(401);
  });

  it("answers with the account for a live token; ending the app session on /account/security stops the next call", async () => {
    const { viewer, token, userId } = await customerWithApp();
    const me = await call(showMe, "/api/v1/me", { token });
    expect(me.status).toBe(200);
    expect(Object.keys(await me.json()).sort()).toEqual(["email", "emailVerified", "name", "twoFactorEnabled"]);
    const [appSession] = await appSessionIds(userId);
    await expect(revokeMySession(viewer, appSession ?? "", context)).resolves.toBe(true);
    expect((await call(showMe, "/api/v1/me", { token })).status).toBe(401);
  });

  it("refuses an expired access token", async () => {
    const { token, userId } = await customerWithApp();
    await db.oAuthToken.updateMany({ where: { session: { userId } }, data: { accessTokenExpiresAt: new Date(Date.now() - 1) } });
    expect((await call(showMe, "/api/v1/me", { token })).status).toBe(401);
  });
});

describe("/api/v1 catalog", () => {
  it("pages through the catalog with opaque cursors, without overlap", async () => {
    const first = (await (await call(listProducts, "/api/v1/products?limit=2")).json()) as { items: { slug: string }[]; nextCursor: string };
    expect(first.items).toHaveLength(2);
    const second = (await (await call(listProducts, `/api/v1/products?limit=2&cursor=${first.nextCursor}`)).json()) as { items: { slug: string }[] };
    expect(second.items.map((p) => p.slug)).not.toContain(first.items[0]?.slug);
    expect((await call(listProducts, "/api/v1/products?cursor=%%%")).status).toBe(400);
    expect((await call(listProducts, "/api/v1/products?limit=5000")).status).toBe(400);
  });

  it("shows a product and searches; an unknown slug is a 404 problem", async () => {
    const list = (await (await call(listProducts, "/api/v1/products?limit=1")).json()) as { items: { slug: string; name: string }[] };
    const slug = list.items[0]?.slug ?? "";
    expect((await call(showProduct, `/api/v1/products/${slug}`, { params: { slug } })).status).toBe(200);
    const missing = await call(showProduct, "/api/v1/products/nope", { params: { slug: "no-such-product" } });
    expect(missing.status).toBe(404);
    expect((await problemOf(missing)).type).toBe("urn:shop:problem:not-found");
    expect((await call(searchCatalog, "/api/v1/search?q=headphones")).status).toBe(200);
    expect((await call(searchCatalog, "/api/v1/search")).status).toBe(400);
  });

  it("refuses a bad token even where none is needed", async () => {
    expect((await call(listProducts, "/api/v1/products", { token: "B".repeat(43) })).status).toBe(401);
  });
});

describe("/api/v1 orders and account (IDOR on every resource)", () => {
  it("lists and shows the customer's own orders; another customer's order is a 404 and recorded", async () => {
    const owner = await customerWithApp();
    const attacker = await customerWithApp();
    const product = await createProduct();
    await fillCart(owner.userId, [{ variantId: product.variantId, quantity: 1 }]);
    const { orderId } = await placeOrder(owner.viewer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
    const list = (await (await call(listOrders, "/api/v1/orders", { token: owner.token })).json()) as { items: { id: string }[] };
    expect(list.items.map((order) => order.id)).toContain(orderId);
    expect((await call(showOrder, "/x", { token: owner.token, params: { orderId } })).status).toBe(200);
    const foreign = await call(showOrder, "/x", { token: attacker.token, params: { orderId } });
    expect(foreign.status).toBe(404);
    expect((await problemOf(foreign)).type).toBe("urn:shop:problem:not-found");
    await expect(db.securityEvent.count({ where: { userId: attacker.userId, type: "order_access_denied" } })).resolves.toBe(1);
    const theirs = (await (await call(listOrders, "/api/v1/orders", { token: attacker.token })).json()) as { items: unknown[] };
    expect(theirs.items).toHaveLength(0);
  });

  it("another customer's address is a 404; lists hold only the caller's own", async () => {
    const owner = await customerWithApp();
    const attacker = await customerWithApp();
    const addressId = await createMyAddress(owner.viewer, testAddress);
    expect((await call(showAddress, "/x", { token: owner.token, params: { addressId } })).status).toBe(200);
    expect((await call(showAddress, "/x", { token: attacker.token, params: { addressId } })).status).toBe(404);
    const list = (await (await call(listAddresses, "/x", { token: attacker.token })).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(0);
  });

  it("checkout refuses another customer's saved address (IDOR): 404, no order placed, the cart kept", async () => {
    const owner = await customerWithApp();
    const attacker = await customerWithApp();
    const theirs = await createMyAddress(owner.viewer, testAddress);
    const product = await createProduct();
    await fillCart(attacker.userId, [{ variantId: product.variantId, quantity: 1 }]);
    const response = await call(checkout, "/api/v1/checkout", { token: attacker.token, body: { savedAddressId: theirs, shippingRateId: "standard" } });
    expect(response.status).toBe(404);
    await expect(db.order.count({ where: { userId: attacker.userId } })).resolves.toBe(0);
    await expect(db.cartItem.count({ where: { cart: { userId: attacker.userId } } })).resolves.toBe(1);
    const priced = await call(checkout, "/api/v1/checkout", { token: attacker.token, body: { savedAddressId: theirs, shippingRateId: "standard", totalMinor: 1 } });
    expect(priced.status).toBe(422);
  });

  it("offers the shipping rates of the address's zone with their totals, and refuses another customer's address (IDOR)", async () => {
    const owner = await customerWithApp();
    const attacker = await customerWithApp();
    const mine = await createMyAddress(owner.viewer, testAddress);
    const product = await createProduct();
    await fillCart(owner.userId, [{ variantId: product.variantId, quantity: 2 }]);
    const response = await call(checkoutOptions, `/api/v1/checkout/options?savedAddressId=${mine}`, { token: owner.token });
    expect(response.status).toBe(200);
    const { options } = (await response.json()) as { options: { rateId: string; shipping: { amountMinor: number }; tax: { amountMinor: number }; total: { amountMinor: number } }[] };
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) expect(option.total.amountMinor).toBeGreaterThanOrEqual(product.priceMinor * 2 + option.shipping.amountMinor);
    await fillCart(attacker.userId, [{ variantId: product.variantId, quantity: 1 }]);
    const theirs = await call(checkoutOptions, `/api/v1/checkout/options?savedAddressId=${mine}`, { token: attacker.token });
    expect(theirs.status).toBe(404);
    expect((await call(checkoutOptions, "/api/v1/checkout/options", { token: owner.token })).status).toBe(400);
  });

  it("saves a new address with the address book's rules", async () => {
    const { token } = await customerWithApp();
    const saved = await call(addAddress, "/api/v1/me/addresses", { token, body: { ...testAddress, line2: "", phone: "", region: "" } });
    expect(saved.status).toBe(201);
    const invalid = await call(addAddress, "/api/v1/me/addresses", { token, body: { ...testAddress, postalCode: "ABC", line2: "", phone: "", region: "" } });
    expect(invalid.status).toBe(422);
    expect((await problemOf(invalid)).errors?.postalCode).toBeDefined();
  });

  it("shows the caller's own security activity, with the app sign-in and masked addresses", async () => {
    const { token } = await customerWithApp();
    const activity = (await (await call(listSecurityActivity, "/x", { token })).json()) as { items: { type: string; maskedIp: string }[] };
    expect(activity.items.map((row) => row.type)).toContain("app_signed_in");
    expect(JSON.stringify(activity)).not.toContain(context.ip);
  });

  it("the cart is refused for a revoked session at once", async () => {
    const { viewer, token, userId } = await customerWithApp();
    const appViewer = { ...viewer, sessionId: (await appSessionIds(userId))[0] ?? "" };
    expect((await call(showCart, "/x", { token })).status).toBe(200);
    await revokeMySession(viewer, appViewer.sessionId, context);
    expect((await call(showCart, "/x", { token })).status).toBe(401);
  });
});
