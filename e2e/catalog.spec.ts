import { expect, test } from "@playwright/test";

test("a shopper browses home → category → product", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Featured products" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Featured products" }).getByRole("listitem")).not.toHaveCount(0);

  await page.getByRole("main").getByRole("link", { name: /^Audio/ }).click();
  await expect(page).toHaveURL(/\/category\/audio$/);
  await expect(page.getByRole("heading", { level: 1, name: "Audio" })).toBeVisible();

  const products = page.getByRole("list", { name: "Audio products" });
  // Cards under the page's h1 are named by h2s (the outline has no gap).
  const firstName = (await products.getByRole("heading", { level: 2 }).first().textContent()) ?? "";
  await products.getByRole("link", { name: firstName }).click();
  await expect(page).toHaveURL(/\/products\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: firstName })).toBeVisible();
  await expect(page.getByText(/^\$\d+\.\d{2}$/)).toBeVisible();
  await expect(page.getByRole("img", { name: firstName })).toBeVisible();
});

test("the header's category navigation leads to every category and marks the current one", async ({ page }) => {
  await page.goto("/");
  const categories = page.getByRole("navigation", { name: "Categories" });
  for (const name of ["Audio", "Home Office", "Kitchen", "Outdoor", "Apparel"]) await expect(categories.getByRole("link", { name })).toBeVisible();
  await categories.getByRole("link", { name: "Kitchen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kitchen" })).toBeVisible();
  await expect(categories.getByRole("link", { name: "Kitchen" })).toHaveAttribute("aria-current", "page");
  await expect(categories.getByRole("link", { name: "Audio" })).not.toHaveAttribute("aria-current", "page");
});

test("sorting by price orders the category by price", async ({ page }) => {
  await page.goto("/category/kitchen");
  await page.getByRole("link", { name: "Price: low to high" }).click();
  await expect(page).toHaveURL(/sort=price-asc/);
  const prices = await page
    .getByRole("list", { name: "Kitchen products" })
    .locator("article p span.font-semibold")
    .allTextContents();
  const amounts = prices.map((text) => Number(text.replace(/[^0-9.]/g, "")));
  expect(amounts.length).toBeGreaterThan(1);
  expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
});

test("search finds a seeded product from the header", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search products" }).fill("headphone");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=headphone/);
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("link", { name: "Studio Over-Ear Headphones" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("products found");
});

test("search tolerates a typo", async ({ page }) => {
  await page.goto("/search?q=hedphones");
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("link", { name: /Headphones/ }).first()).toBeVisible();
});

test("a search that finds nothing says so and offers the categories", async ({ page }) => {
  await page.goto("/search?q=qwxzvbnm");
  await expect(page.getByRole("status")).toContainText("0 products found");
  await page.getByRole("link", { name: "Browse the categories" }).click();
  await expect(page.getByRole("heading", { name: "Shop by category" })).toBeInViewport();
});

test("an unknown product answers with the 404 page", async ({ page }) => {
  const response = await page.goto("/products/no-such-product");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the shop" })).toBeVisible();
  // Inside the storefront's frame, drawn once, as for an address no route matches.
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toHaveCount(1);
  await page.goto("/no-such-page");
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("an unknown category and a malformed slug answer 404", async ({ request }) => {
  expect((await request.get("/category/no-such-category")).status()).toBe(404);
  expect((await request.get("/products/..%2F..%2Fetc%2Fpasswd")).status()).toBe(404);
  expect((await request.get("/products/UPPER_case")).status()).toBe(404);
});

test("hostile query parameters are clamped, never a server error", async ({ page, request }) => {
  for (const url of [
    "/category/audio?page=-1&sort=<script>",
    "/category/audio?page=99999999999999999999&sort[]=x",
    "/search?q=%00%00&page=abc",
    `/search?q=${"a".repeat(5000)}`,
  ]) {
    expect((await request.get(url)).status(), url).toBe(200);
  }
  let dialog = false;
  page.on("dialog", () => {
    dialog = true;
  });
  await page.goto("/search?q=<img src=x onerror=alert(1)>");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<img src=x onerror=alert(1)>");
  expect(dialog).toBe(false);
});
