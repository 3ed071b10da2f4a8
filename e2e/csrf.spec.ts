import type { Page } from "@playwright/test";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { createTestProduct } from "./support/products";

const refusedText = "This form has expired or did not come from this shop.";

async function unitsInCarts(slug: string): Promise<number> {
  const [row] = await sql<{ units: number }>(
    `SELECT COALESCE(SUM(ci.quantity), 0)::int AS units FROM "CartItem" ci JOIN "Product" p ON p.id = ci."productId" WHERE p.slug = $1`,
    [slug],
  );
  return row?.units ?? -1;
}

/**
 * The add-to-cart form's fields as the server rendered them (React's hidden
 * inputs naming the server action, the product, the anti-CSRF token): what a
 * browser without JavaScript posts, and what another site would try to forge.
 */
async function addToCartFields(page: Page, slug: string): Promise<Record<string, string>> {
  const html = await (await page.request.get(`/products/${slug}`)).text();
  const fields = await page.evaluate((source) => {
    const form = new DOMParser().parseFromString(source, "text/html").querySelector("form:has(input[name=productId])");
    return form && Object.fromEntries([...form.querySelectorAll<HTMLInputElement>("input[name]")].map((input) => [input.name, input.value]));
  }, html);
  if (!fields) throw new Error("no add-to-cart form on the page");
  return { ...fields, quantity: "2" };
}

test("a form posted without its anti-CSRF token, or from another origin, is refused and changes nothing", async ({ page, baseURL }) => {
  const product = await createTestProduct({ name: "E2E CSRF Lamp", priceMinor: 1500, stock: 10 });
  await page.goto(`/products/${product.slug}`);
  const fields = await addToCartFields(page, product.slug);
  expect(fields.csrf_token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  const post = (form: Record<string, string>, headers: Record<string, string>) =>
    page.request.post(`/products/${product.slug}`, { multipart: form, headers, maxRedirects: 0 });
  const { csrf_token: _token, ...withoutToken } = fields;

  // The real form in the browser, its token removed before it is sent.
  await page.evaluate(() => document.querySelector("form:has(input[name=productId]) input[name=csrf_token]")?.remove());
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(refusedText)).toBeVisible();

  // The same form posted as a browser without JavaScript would, without the token.
  const noToken = await post(withoutToken, { origin: baseURL ?? "" });
  expect(await noToken.text()).toContain(refusedText);

  // With the token but from another origin (a page elsewhere submitting the form): 403 before the action runs.
  const foreign = await post(fields, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).not.toMatch(/digest/i);
  expect((await post(fields, { origin: "https://evil.example" })).status()).toBe(403);

  // Neither Origin nor Sec-Fetch-Site: every browser sends one on a POST, so this is refused too.
  expect((await post(fields, {})).status()).toBe(403);
  expect(await unitsInCarts(product.slug)).toBe(0);

  // The control: the same post with its token, from the shop's own origin, is accepted.
  const accepted = await post(fields, { origin: baseURL ?? "" });
  expect(await accepted.text()).toContain("Added to your cart.");
  expect(await unitsInCarts(product.slug)).toBe(2);
});

test("a token from another browser's session is refused", async ({ page, browser, baseURL }) => {
  const product = await createTestProduct({ name: "E2E CSRF Kettle", priceMinor: 2500, stock: 10 });
  const attacker = await browser.newPage();
  await attacker.goto(`/products/${product.slug}`);
  const attackersFields = await addToCartFields(attacker, product.slug);
  await attacker.context().close();

  await page.goto(`/products/${product.slug}`);
  const response = await page.request.post(`/products/${product.slug}`, { multipart: attackersFields, headers: { origin: baseURL ?? "" }, maxRedirects: 0 });
  expect(await response.text()).toContain(refusedText);
  expect(await unitsInCarts(product.slug)).toBe(0);
});
