import type { Page } from "@playwright/test";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { createTestProduct } from "./support/products";

const refusedText = "This form has expired or did not come from this shop.";

async function unitsInCarts(slug: string): Promise<number> {
  const [row] = await sql<{ units: number }>(
    `SELECT COALESCE(SUM(ci.quantity), 0)::int AS units FROM "CartItem" ci JOIN "ProductVariant" v ON v.id = ci."variantId"
       JOIN "Product" p ON p.id = v."productId" WHERE p.slug = $1`,
    [slug],
  );
  return row?.units ?? -1;
}

/**
 * The add-to-cart form's fields (React's hidden inputs naming the server
 * action, the product, the anti-CSRF token): what another site would try to
 * forge. The product page is shared (the same HTML for everyone), so its token
 * is the visitor's own, filled in by the page's island once it has loaded.
 */
async function addToCartFields(page: Page, slug: string): Promise<Record<string, string>> {
  await page.goto(`/products/${slug}`);
  const form = page.locator("form:has(input[name=productId])");
  await expect(form.locator("input[name=csrf_token]")).toHaveValue(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  const fields = await form.evaluate((element) => Object.fromEntries([...element.querySelectorAll<HTMLInputElement>("input[name]")].map((input) => [input.name, input.value])));
  return { ...fields, quantity: "2" };
}

test("a form posted with a wrong token, without one from an old browser, or from another origin, is refused and changes nothing", async ({ page, baseURL }) => {
  const product = await createTestProduct({ name: "E2E CSRF Lamp", priceMinor: 1500, stock: 10 });
  const fields = await addToCartFields(page, product.slug);
  const post = (form: Record<string, string>, headers: Record<string, string>) =>
    page.request.post(`/products/${product.slug}`, { multipart: form, headers, maxRedirects: 0 });
  const { csrf_token: _token, ...withoutToken } = fields;

  // The real form in the browser, its token replaced before it is sent.
  await page.locator("form:has(input[name=productId]) input[name=csrf_token]").evaluate((input: HTMLInputElement) => {
    input.value = "forged.token";
  });
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(refusedText)).toBeVisible();

  // Without the token from a browser that sends no Fetch Metadata (Origin only): refused.
  const noToken = await post(withoutToken, { origin: baseURL ?? "" });
  expect(await noToken.text()).toContain(refusedText);

  // With the token but from another origin (a page elsewhere submitting the form): 403 before the action runs.
  const foreign = await post(fields, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).not.toMatch(/digest/i);
  expect((await post(withoutToken, { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status()).toBe(403);
  expect((await post(fields, { origin: "https://evil.example" })).status()).toBe(403);

  // Neither Origin nor Sec-Fetch-Site: every browser sends one on a POST, so this is refused too.
  expect((await post(fields, {})).status()).toBe(403);
  expect(await unitsInCarts(product.slug)).toBe(0);

  // The control: the same post with its token, from the shop's own origin, is accepted.
  const accepted = await post(fields, { origin: baseURL ?? "" });
  expect(await accepted.text()).toContain("Added to your cart.");
  expect(await unitsInCarts(product.slug)).toBe(2);

  // A browser without JavaScript posts the shared page's form without a token, and states it is same-origin.
  const withoutScript = await post(withoutToken, { origin: baseURL ?? "", "sec-fetch-site": "same-origin" });
  expect(await withoutScript.text()).toContain("You now have 4 of these.");
});

test("a token from another browser's session is refused", async ({ page, browser, baseURL }) => {
  const product = await createTestProduct({ name: "E2E CSRF Kettle", priceMinor: 2500, stock: 10 });
  const attacker = await browser.newPage();
  const attackersFields = await addToCartFields(attacker, product.slug);
  await attacker.context().close();

  await page.goto(`/products/${product.slug}`);
  const response = await page.request.post(`/products/${product.slug}`, { multipart: attackersFields, headers: { origin: baseURL ?? "" }, maxRedirects: 0 });
  expect(await response.text()).toContain(refusedText);
  expect(await unitsInCarts(product.slug)).toBe(0);
});
