import { createHash, randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { newIdentity, signIn, signUpAndVerify } from "./support/accounts";
import { addToCart } from "./support/checkout";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { extractLink, waitForMail } from "./support/mailbox";
import { createTestProduct, stockOf } from "./support/products";

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** Guest checkout: email and address, express delivery, up to the test payment page. */
async function checkOutAsGuest(page: Page, email: string, { typoFirst = false } = {}) {
  await page.goto("/cart");
  await expect(page.getByRole("link", { name: "Sign in to check out" })).toBeVisible();
  await page.getByRole("link", { name: "Check out as guest" }).click();
  await expect(page).toHaveURL(/\/checkout\/guest$/);
  await page.getByLabel("Email", { exact: true }).fill(typoFirst ? "ada.guest@" : email);
  await page.getByLabel("Full name", { exact: true }).fill("Ada Guest");
  await page.getByLabel("Street address", { exact: true }).fill("12 Guest Lane");
  await page.getByLabel("Town or city", { exact: true }).fill("Springfield");
  await page.getByLabel("Postal code", { exact: true }).fill("62704");
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("radio", { name: /Express/ }).check();
  await expectNoAxeViolations(page);
  if (typoFirst) {
    // Refused on the server with the field's own message; what was typed stays.
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(page.getByLabel("Street address", { exact: true })).toHaveValue("12 Guest Lane");
    await page.getByLabel("Email", { exact: true }).fill(email);
  }
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page).toHaveURL(/\/test-gateway\/cs_test_/);
}

/**
 * The page's HTML with what differs per request (CSP nonces, anti-CSRF values)
 * and per URL (`token`) taken out, its streamed rows sorted (they may arrive in
 * any order).
 */
const comparable = (html: string, token: string) =>
  html
    .replaceAll(token, "TOKEN")
    .replace(/nonce(=|\\?":\\?")"?[A-Za-z0-9+/=_-]+/g, "nonce")
    .replace(/[A-Za-z0-9_-]{43,}/g, "RANDOM")
    // Where React cuts its stream into script chunks depends on timing too: every chunk starts a row.
    .replaceAll('"])</script><script nonce">self.__next_f.push([1,"', "\\n")
    .split("\\n")
    .filter((row) => row !== "")
    // React streams the page's data rows in the order they resolve, so row ids and the references to them
    // ("1e:", "$L1e") may be numbered differently from one answer to the next: compare the rows, not their numbering.
    .map((row) => row.replace(/^[0-9a-f]{1,4}:/, "ROW:").replace(/\$[A-Z]?[0-9a-f]{1,4}(?![0-9a-z])/g, "$REF"))
    .sort()
    .join("\n");

test("a guest buys and follows the mailed status link; another browser learns nothing, and dead links all answer alike", async ({ page, browser }) => {
  const product = await createTestProduct({ name: "E2E Guest Kettle", priceMinor: 3000, stock: 4 });
  const identity = newIdentity();
  await addToCart(page, product.slug, 1);
  await checkOutAsGuest(page, identity.email);
  expect(await stockOf(product.slug)).toBe(3);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page).toHaveURL(/\/checkout\/success\?order=/);
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible({ timeout: 20_000 });
  const successUrl = page.url();
  const number = /order (ORD-[0-9A-Z]+)/.exec(await page.getByRole("status").innerText())?.[1];
  expect(number).toBeDefined();

  // Another browser with the same success URL learns nothing about the order.
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `198.18.${randomInt(256)}.${randomInt(256)}` } });
  const stranger = await other.newPage();
  await stranger.goto(successUrl);
  await expect(stranger.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(stranger.getByText(number!)).toHaveCount(0);
  await expect(stranger.getByText("12 Guest Lane")).toHaveCount(0);

  const mail = await waitForMail({ to: identity.email, subject: new RegExp(`Order ${number} confirmed`) });
  const link = extractLink(mail.text, "/orders/status/");
  const token = new URL(link).pathname.split("/").pop()!;
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const stored = await sql<{ tokenHash: string }>(`SELECT "tokenHash" FROM "OrderStatusToken" WHERE "tokenHash" = $1`, [
    createHash("sha256").update(token).digest("hex"),
  ]);
  expect(stored).toHaveLength(1);

  // The link opens the order in any browser: private, uncached, never indexed, never in a Referer.
  const response = await stranger.goto(new URL(link).pathname);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toContain("no-store");
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(stranger.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(stranger.getByRole("heading", { name: `Order ${number}` })).toBeVisible();
  await expect(stranger.getByText("12 Guest Lane")).toBeVisible();
  await expect(stranger.getByText("1 × E2E Guest Kettle").or(stranger.getByRole("cell", { name: "E2E Guest Kettle" }))).toBeVisible();
  await expect(stranger.getByRole("button", { name: "Pay now" })).toHaveCount(0);
  await expectNoAxeViolations(stranger);

  // A guessed, a malformed and an expired token answer alike.
  const guessed = "A".repeat(43);
  const answers = [];
  for (const value of [guessed, "not-a-token"]) {
    const answer = await stranger.request.get(`/orders/status/${value}`);
    answers.push({ status: answer.status(), body: comparable(await answer.text(), value) });
  }
  await sql(`UPDATE "OrderStatusToken" SET "expiresAt" = now() - interval '1 second' WHERE "tokenHash" = $1`, [stored[0]!.tokenHash]);
  const expired = await stranger.request.get(new URL(link).pathname);
  answers.push({ status: expired.status(), body: comparable(await expired.text(), token) });
  expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404]);
  expect(answers[1]!.body).toBe(answers[0]!.body);
  expect(answers[2]!.body).toBe(answers[0]!.body);
  await other.close();
});

test("a guest order joins the account once its email is signed up for and confirmed through the mailed link", async ({ page }) => {
  const product = await createTestProduct({ name: "E2E Guest Teapot", priceMinor: 2000, stock: 3 });
  const identity = newIdentity();
  await addToCart(page, product.slug, 1);
  await checkOutAsGuest(page, identity.email.toUpperCase(), { typoFirst: true });
  const [placed] = await sql<{ number: string }>(
    `SELECT o.number FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o.id JOIN "Product" p ON p.id = i."productId" WHERE p.slug = $1`,
    [product.slug],
  );

  await signUpAndVerify(page, identity);
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/orders");
  const listed = page.getByRole("list", { name: "Orders" }).getByRole("listitem");
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(`Order ${placed!.number}`);
});

test("order-status lookups are throttled per client address with 429", async ({ request }) => {
  let refusal = null;
  for (let i = 0; i < 40 && !refusal; i += 1) {
    const answer = await request.get(`/orders/status/${"B".repeat(42)}${i % 10}`);
    if (answer.status() === 429) refusal = answer;
    else expect(answer.status()).toBe(404);
  }
  expect(refusal?.status()).toBe(429);
  expect(Number(refusal?.headers()["retry-after"])).toBeGreaterThan(0);
});
