import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { signIn, verifiedCustomer } from "./support/accounts";
import { createTestProduct } from "./support/products";
import { payOnTestGateway } from "./support/checkout";
import { sql } from "./support/database";
import { answerChallenge, enrolTwoFactor, nextCode } from "./support/two-factor";
import { apiClient, type Tokens } from "./support/app-client";

const clientId = "shop-mobile";
const redirectUri = "shopapp://oauth/callback";

function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

test("the app signs in through the shop's pages with two-factor, shops with its tokens, pays, and is signed out from /account/security", async ({ page: signInPage, baseURL }) => {
  let page = signInPage;
  const origin = baseURL ?? "";
  const identity = await verifiedCustomer();
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  const { secret } = await enrolTwoFactor(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();

  // The app opens /oauth/authorize in the system browser; the shop's sign-in and challenge run there.
  const { verifier, challenge } = pkce();
  const state = randomBytes(12).toString("base64url");
  const authorize = new URL("/oauth/authorize", origin);
  for (const [key, value] of Object.entries({ response_type: "code", client_id: clientId, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: "S256", state })) {
    authorize.searchParams.set(key, value);
  }
  const redirects: string[] = [];
  page.on("response", (response) => {
    const location = response.headers().location;
    if (response.url().includes("/oauth/authorize") && location?.startsWith(redirectUri)) redirects.push(location);
  });
  await page.goto(authorize.toString());
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signIn(page, identity);
  await answerChallenge(page, nextCode(secret));
  // Chromium cannot open the app's scheme, and whether it still reports that last redirect depends on
  // how the two-factor form was posted (before or after hydration). The system browser's session is the
  // one that matters: ask /oauth/authorize again with it, as the browser does when the app opens it anew.
  await expect
    .poll(
      async () => {
        if (redirects.length === 0) {
          const again = await page.request.get(authorize.toString(), { maxRedirects: 0 });
          const location = again.headers().location;
          if (location?.startsWith(redirectUri)) redirects.push(location);
        }
        return redirects.length;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
  const callback = new URL(redirects.at(-1) ?? "");
  expect(callback.searchParams.get("state")).toBe(state);
  const code = callback.searchParams.get("code") ?? "";

  // Token exchange, as the app does it: a form post, no cookies.
  const tokenResponse = await fetch(new URL("/oauth/token", origin), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: redirectUri, client_id: clientId }),
  });
  expect(tokenResponse.status).toBe(200);
  const tokens = (await tokenResponse.json()) as Tokens;
  expect(tokens.expires_in).toBeLessThanOrEqual(600);

  const api = apiClient(origin, tokens.access_token);
  const me = await api.GET("/api/v1/me");
  expect(me.data?.email).toBe(identity.email);
  expect(me.data?.twoFactorEnabled).toBe(true);

  const product = await createTestProduct({ name: "App Speaker", priceMinor: 4200, stock: 5 });
  const added = await api.POST("/api/v1/cart/items", { body: { productSlug: product.slug, quantity: 2 } });
  expect(added.response.status).toBe(201);
  expect(added.data?.lines.map((line) => line.slug)).toEqual([product.slug]);

  const address = await api.POST("/api/v1/me/addresses", {
    body: { recipientName: "Ada Shopper", line1: "221 Baker Street", line2: "", city: "Springfield", region: "IL", postalCode: "62704", country: "US", phone: "", isDefault: true },
  });
  expect(address.response.status).toBe(201);
  const savedAddressId = address.data?.id ?? "";
  // The address's zone offers its rates, each with the totals it leads to; the app shows them and sends the one chosen.
  const options = await api.GET("/api/v1/checkout/options", { params: { query: { savedAddressId } } });
  expect(options.response.status).toBe(200);
  const standard = options.data?.options.find((option) => option.label.startsWith("Standard")) ?? options.data?.options[0];
  expect(standard?.total.amountMinor).toBeGreaterThanOrEqual(8400);
  const checkout = await api.POST("/api/v1/checkout", { body: { savedAddressId, shippingRateId: standard?.rateId ?? "" } });
  expect(checkout.response.status).toBe(201);
  const paymentUrl = checkout.data?.paymentUrl ?? "";
  expect(paymentUrl).toMatch(/\/test-gateway\/cs_test_/);

  // The app hands the hosted payment page to the browser: a new tab (the sign-in tab ended on the app's scheme).
  page = await signInPage.context().newPage();
  await page.goto(paymentUrl);
  await expect(page.getByRole("note")).toContainText("TEST PAYMENT PAGE");
  await page.waitForLoadState("networkidle");
  await payOnTestGateway(page);
  const orderId = checkout.data?.orderId ?? "";
  await expect
    .poll(async () => (await api.GET("/api/v1/orders/{orderId}", { params: { path: { orderId } } })).data?.paymentStatus, { timeout: 20_000 })
    .toBe("paid");
  const orders = await api.GET("/api/v1/orders");
  expect(orders.data?.items.map((order) => order.id)).toContain(orderId);

  // Refresh rotates; the device is listed on /account/security and signing it out there ends API access at once.
  const refreshed = await fetch(new URL("/oauth/token", origin), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId }),
  });
  const next = (await refreshed.json()) as Tokens;
  expect(next.refresh_token).not.toBe(tokens.refresh_token);
  const nextApi = apiClient(origin, next.access_token);
  expect((await nextApi.GET("/api/v1/cart")).response.status).toBe(200);

  await page.goto("/account/security");
  await page.getByRole("button", { name: "Sign out this app" }).click();
  await expect(page.getByRole("button", { name: "Sign out this app" })).toHaveCount(0);
  const after = await nextApi.GET("/api/v1/me");
  expect(after.response.status).toBe(401);
  expect(after.error?.type).toBe("urn:shop:problem:unauthorized");
  const [event] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "SecurityEvent" e JOIN "User" u ON u.id = e."userId" WHERE u.email = $1 AND e.type = 'session_revoked'`, [identity.email]);
  expect(event?.n).toBe(1);
});

test("the API takes no cookies, answers problem details, and refuses an oversized body", async ({ page, baseURL }) => {
  const origin = baseURL ?? "";
  const identity = await verifiedCustomer();
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  // The browser's signed-in session reaches nothing in /api/v1.
  const withCookies = await page.request.get("/api/v1/me");
  expect(withCookies.status()).toBe(401);
  expect(withCookies.headers()["content-type"]).toBe("application/problem+json");
  expect(withCookies.headers()["set-cookie"]).toBeUndefined();
  expect(withCookies.headers()["access-control-allow-origin"]).toBeUndefined();
  const big = await fetch(new URL("/api/v1/cart/items", origin), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${"A".repeat(43)}` },
    body: JSON.stringify({ pad: "x".repeat(64 * 1024) }),
  });
  expect(big.status).toBe(413);
  expect(((await big.json()) as { type: string }).type).toBe("urn:shop:problem:payload-too-large");
  const unregistered = await fetch(new URL(`/oauth/authorize?client_id=${clientId}&redirect_uri=${encodeURIComponent("https://evil.example/cb")}&response_type=code`, origin), { redirect: "manual" });
  expect(unregistered.status).toBe(400);
  expect(unregistered.headers.get("location")).toBeNull();

  // The contract and the installable web shop are public.
  const document = (await (await fetch(new URL("/api/v1/openapi.json", origin))).json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/v1/checkout");
  const manifest = await page.request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  expect(((await manifest.json()) as { icons: unknown[] }).icons.length).toBeGreaterThanOrEqual(2);
  expect((await page.request.get("/icons/icon-512.png")).status()).toBe(200);
});
