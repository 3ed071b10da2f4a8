import { randomBytes } from "node:crypto";
import { type Page } from "@playwright/test";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { createTestProduct } from "./support/products";
import { savedAccount, savedState } from "./support/saved-state";

/**
 * The catalog's shared pages (home, categories, products) are rendered once and
 * sent to everyone with a policy listing the hashes of exactly their scripts;
 * the visitor's part (header, cart count, anti-CSRF token) comes from an
 * island. These tests load them in a real browser under that policy.
 */

/** Records every CSP violation the page reports, from the very first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

const catalogPaths = async (page: Page) => {
  const xml = await (await page.request.get("/sitemap.xml")).text();
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? "/").pathname);
  return paths.filter((path) => path === "/" || /^\/(category|products)\/[a-z0-9-]+$/.test(path) && !path.includes("/e2e-"));
};

test("every shared page runs under its own hashed policy without a violation, and hydrates", async ({ page }) => {
  const violations = await watchViolations(page);
  const paths = await catalogPaths(page);
  expect(paths.length).toBeGreaterThan(30);
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self'( 'sha256-[^']+')+ 'strict-dynamic'/);
    // The island replaced the neutral "Account" link: the page's scripts ran.
    await expect(page.getByRole("navigation", { name: "Account and cart" }).getByRole("link", { name: "Sign in" }), path).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test("client-side navigation between shared and personal pages keeps to the policy", async ({ page }) => {
  const violations = await watchViolations(page);
  const product = await createTestProduct({ name: `Island Lamp ${randomBytes(3).toString("hex")}`, priceMinor: 4_200, stock: 5 });
  const header = page.getByRole("navigation", { name: "Account and cart" });

  await page.goto("/category/audio");
  await page.getByRole("link", { name: "Sign in" }).waitFor();
  // Shared → shared (client-side), then add to the cart on the shared product page.
  await page.goto("/");
  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Audio" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audio" })).toBeVisible();
  await page.goto(`/products/${product.slug}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("View your cart");
  await expect(header.getByRole("link", { name: "Cart, 1 item" })).toBeVisible();
  // Shared → personal (client-side): the cart, rendered per request with a nonce.
  await header.getByRole("link", { name: "Cart, 1 item" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /cart/i })).toBeVisible();
  await expect(page.getByRole("link", { name: product.name })).toBeVisible();
  // Personal → shared (client-side) and back to the home page by the shop's name.
  await page.getByRole("link", { name: product.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: product.name })).toBeVisible();
  await page.getByRole("banner").getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Featured products" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Cart, 1 item" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a shared page prefetches the catalog pages it links to, but no personal page", async ({ page }) => {
  const prefetched: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.searchParams.has("_rsc") || request.headers()["rsc"]) prefetched.push(url.pathname);
  });
  await page.goto("/category/audio");
  await page.getByRole("link", { name: "Sign in" }).waitFor();
  // Prefetching is on (the products in view are fetched ahead) ...
  await expect.poll(() => prefetched.some((path) => path.startsWith("/products/"))).toBe(true);
  await page.waitForLoadState("networkidle");
  // ... but never for the header's account, sign-in and cart links: each would be a per-visitor render.
  expect(prefetched.filter((path) => /^\/(account|cart|sign-in|admin|checkout|orders)(\/|$)/.test(path))).toEqual([]);
});

test.describe("a signed-in customer", () => {
  test.use({ storageState: savedState("customer") });

  test("gets the same page and policy as everyone, and their own header from the island", async ({ page, playwright }) => {
    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const path = "/products/studio-over-ear-headphones";
    const [theirs, everyones] = [await page.request.get(path), await anonymous.get(path)];
    expect(await theirs.text()).toBe(await everyones.text());
    expect(theirs.headers()["content-security-policy"]).toBe(everyones.headers()["content-security-policy"]);
    expect(theirs.headers()["set-cookie"]).toBeUndefined();
    const html = await theirs.text();
    expect(html).not.toContain("Sign out");
    expect(html).not.toContain(savedAccount("customer").email);
    await anonymous.dispose();

    await page.goto(path);
    const header = page.getByRole("navigation", { name: "Account and cart" });
    await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(header.getByRole("link", { name: "Sign in" })).toHaveCount(0);
    const summary = await page.request.get("/api/shopper");
    expect(summary.headers()["cache-control"]).toBe("no-store");
    expect(await summary.json()).toMatchObject({ signedIn: true, staff: false });
  });
});

test.describe("staff", () => {
  test.use({ storageState: savedState("catalog_manager") });

  test("a price change shows on the shared product page within 5 seconds", async ({ page, playwright }) => {
    const product = await createTestProduct({ name: `Reprice Lamp ${randomBytes(3).toString("hex")}`, priceMinor: 1_000, stock: 5 });
    const shopper = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const pageText = async () => (await shopper.get(`/products/${product.slug}`)).text();
    expect(await pageText()).toContain("$10.00");

    const [row] = await sql<{ id: string }>(`SELECT id FROM "Product" WHERE slug = $1`, [product.slug]);
    await page.goto(`/admin/products/${row?.id}`);
    // Its one variant's card: the price lives on the variant.
    const variant = page.getByRole("article", { name: /Default variant/ });
    await variant.getByLabel("Price (USD)").fill("12.34");
    await variant.getByRole("button", { name: "Save variant" }).click();
    await expect(variant.getByText("The variant was saved.")).toBeVisible();
    const saved = Date.now();
    await expect.poll(pageText, { timeout: 5_000, intervals: [100] }).toContain("$12.34");
    expect(Date.now() - saved).toBeLessThan(5_000);
    await shopper.dispose();
  });
});
