import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Page, request as playwrightRequest } from "@playwright/test";
import sharp from "sharp";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { savedState } from "./support/saved-state";

// A catalog manager's saved session (e2e/auth.setup.ts): these tests change products, not the account.
test.use({ storageState: savedState("catalog_manager") });

const filesDir = path.join("test-results", "admin-products");

/** Writes a file for an upload (made fresh by the test, never checked in). */
function writeUpload(name: string, bytes: Buffer): string {
  mkdirSync(filesDir, { recursive: true });
  const file = path.join(filesDir, `${randomBytes(4).toString("hex")}-${name}`);
  writeFileSync(file, bytes);
  return file;
}

/** Fills the new-product form and creates it; returns the product's admin URL and slug. */
async function createProduct(page: Page, fields: { name: string; description: string; price?: string }) {
  const slug = `e2e-admin-${randomBytes(5).toString("hex")}`;
  await page.goto("/admin/products/new");
  await page.getByLabel("Name", { exact: true }).fill(fields.name);
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Description", { exact: true }).fill(fields.description);
  await page.getByLabel("SKU").fill(slug.toUpperCase());
  await page.getByLabel("Price (USD)").fill(fields.price ?? "24.99");
  await page.getByLabel("Category").selectOption({ label: "Outdoor" });
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page).toHaveURL(/\/admin\/products\/[^/?]+\?notice=created$/);
  return { url: page.url().replace(/\?.*$/, ""), slug };
}

async function productRow(slug: string) {
  const [row] = await sql<{ name: string; description: string; stock: number; currency: string; published: boolean; priceMinor: number; imagePath: string }>(
    `SELECT name, description, currency, published, "priceMinor", "imagePath",
            (SELECT sum(stock) FROM "ProductVariant" v WHERE v."productId" = p.id)::int AS stock
       FROM "Product" p WHERE slug = $1`,
    [slug],
  );
  return row;
}

/** Fails the test if any script injected through product text ever runs. */
function watchForInjectedScript(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

const injectedRan = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null);

test("HTML typed into a product is stored as typed and shown escaped, in the admin and in the shop", async ({ page }) => {
  const dialogs = watchForInjectedScript(page);
  const name = `Lantern <b>bold</b> <img src=x onerror="window.__xss=1"> ${randomBytes(3).toString("hex")}`;
  const description = `<script>window.__xss=2;alert("xss")</script><img src="x" onerror="window.__xss=3">Plain words after.`;
  const { url, slug } = await createProduct(page, { name, description });

  expect(await productRow(slug)).toMatchObject({ name, description, priceMinor: 2499, currency: "USD", stock: 0, published: false });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByLabel("Description", { exact: true })).toHaveValue(description);

  await page.goto(`/admin/products?q=${encodeURIComponent("Lantern <b>bold</b>")}`);
  await expect(page.getByRole("link", { name })).toBeVisible();

  await page.goto(url);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("The product is published")).toBeVisible();

  await page.goto(`/products/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText(description)).toBeVisible();
  // The markup is text: no element was made from it.
  await expect(page.locator('img[src="x"], h1 b')).toHaveCount(0);
  expect(await injectedRan(page)).toBeNull();
  expect(dialogs).toEqual([]);
});

test("the product form ignores fields it does not own (mass assignment)", async ({ page }) => {
  const { slug } = await createProduct(page, { name: "Mass Assignment Lantern", description: "Only the form's fields are saved." });
  // A tampered request: extra fields added to the real form before it is sent.
  await page.locator("form", { has: page.getByRole("button", { name: "Save product" }) }).evaluate((form) => {
    const extra = { stock: "999", currency: "EUR", published: "true", id: "forged-id", createdAt: "2000-01-01", imagePath: "https://evil.test/x.png", priceMinor: "1" };
    for (const [name, value] of Object.entries(extra)) {
      const input = document.createElement("input");
      Object.assign(input, { type: "hidden", name, value });
      form.append(input);
    }
  });
  await page.getByLabel("Name", { exact: true }).fill("Mass Assignment Lantern II");
  await page.getByRole("button", { name: "Save product" }).click();
  await expect(page.getByText("The product was saved.")).toBeVisible();
  expect(await productRow(slug)).toMatchObject({
    name: "Mass Assignment Lantern II",
    stock: 0,
    currency: "USD",
    published: false,
    priceMinor: 2499,
    imagePath: "/product-placeholder.svg",
  });
});

test("a real image is re-encoded and served; a text file renamed .png and an oversized file are refused", async ({ page }) => {
  const name = `Image Lantern ${randomBytes(3).toString("hex")}`;
  const { slug } = await createProduct(page, { name, description: "Has a picture." });
  const productImage = page.getByRole("img", { name });

  const script = writeUpload("evil.png", Buffer.from("<script>alert(document.cookie)</script>\n"));
  await page.getByLabel("Alt text").fill(name);
  await page.getByLabel("New image").setInputFiles(script);
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByText("This file is not a PNG, JPEG or WebP image.")).toBeVisible();
  await expect(page.getByLabel("New image")).toHaveAttribute("aria-invalid", "true");
  // The refused upload keeps the alt text typed.
  await expect(page.getByLabel("Alt text")).toHaveValue(name);
  expect((await productRow(slug))?.imagePath).toBe("/product-placeholder.svg");

  const oversized = writeUpload("huge.png", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2_300_000)]));
  await page.getByLabel("New image").setInputFiles(oversized);
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByText("The image is larger than 2 MB. Choose a smaller file.")).toBeVisible();

  const pixels = Buffer.alloc(200 * 150 * 3, 0x5a);
  const png = writeUpload("lantern.png", await sharp(pixels, { raw: { width: 200, height: 150, channels: 3 } }).png().toBuffer());
  await page.getByLabel("New image").setInputFiles(png);
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByText("The image is added to the gallery.")).toBeVisible();
  await expect(productImage).toHaveAttribute("src", /^\/product-images\/[a-z0-9]+$/);
  const src = (await productImage.getAttribute("src")) ?? "";
  expect((await productRow(slug))?.imagePath).toBe(src);

  const response = await page.request.get(src);
  expect(response.status()).toBe(200);
  expect(response.headers()).toMatchObject({ "content-type": "image/webp", "x-content-type-options": "nosniff" });
  // The product is not published yet: its image is for staff only, and never cached.
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  expect(await sharp(await response.body()).metadata()).toMatchObject({ format: "webp", width: 200, height: 150 });
  expect((await page.request.get("/product-images/doesnotexist0000")).status()).toBe(404);
  // A visitor with no cookies (a new request context would otherwise inherit the saved sign-in state).
  const anonymous = await playwrightRequest.newContext({ baseURL: new URL(page.url()).origin, storageState: { cookies: [], origins: [] } });
  expect((await anonymous.get(src)).status()).toBe(404);

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("The product is published")).toBeVisible();
  const published = await anonymous.get(src);
  expect(published.status()).toBe(200);
  expect(published.headers()["cache-control"]).toContain("immutable");
  await anonymous.dispose();
  await page.goto(`/products/${slug}`);
  await expect(page.getByRole("img", { name })).toHaveAttribute("src", src);
  // The browser picked one of the route's widths from srcset and really decoded it: an image
  // served as something else would not load. (Its natural width is scaled by the srcset
  // descriptor, since a 200 px upload is never enlarged, so only "it decoded" is asserted.)
  const shown = () => page.getByRole("img", { name }).evaluate((image: HTMLImageElement) => ({ src: image.currentSrc, decoded: image.complete && image.naturalWidth > 0 }));
  await expect.poll(shown).toEqual({ src: expect.stringMatching(new RegExp(`${src}\\?w=(320|640|960|1280)$`)), decoded: true });
});

test("stock changes through adjustments with a reason, and never below zero", async ({ page }) => {
  const { slug } = await createProduct(page, { name: "Inventory Lantern", description: "Counted carefully." });
  const adjustments = page.getByRole("list", { name: "Recent stock adjustments" });

  await page.getByLabel("Change in stock").fill("20");
  await page.getByRole("button", { name: "Adjust stock" }).click();
  await expect(page.getByText("Say why, in at least 3 characters.")).toBeVisible();
  await expect(page.getByLabel("Change in stock")).toHaveValue("20");

  await page.getByLabel("Reason").fill("Delivery received");
  await page.getByRole("button", { name: "Adjust stock" }).click();
  await expect(page.getByText("Stock is now 20.")).toBeVisible();
  await expect(adjustments.getByRole("listitem").first()).toContainText("+20");
  await expect(adjustments.getByRole("listitem").first()).toContainText("Delivery received");

  await page.getByLabel("Change in stock").fill("-25");
  await page.getByLabel("Reason").fill("Stocktake");
  await page.getByRole("button", { name: "Adjust stock" }).click();
  await expect(page.getByText("Only 20 in stock: stock cannot go below 0. Nothing was changed.")).toBeVisible();
  expect((await productRow(slug))?.stock).toBe(20);

  await page.getByLabel("Change in stock").fill("-5");
  await page.getByRole("button", { name: "Adjust stock" }).click();
  await expect(page.getByText("Stock is now 15.")).toBeVisible();
  await expect(adjustments.getByRole("listitem")).toHaveCount(2);
  expect((await productRow(slug))?.stock).toBe(15);
});

test("the product pages have no WCAG 2.1 A/AA violations, errors shown included", async ({ page }) => {
  const axe = async () =>
    (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations.map(
      (violation) => `${violation.id}: ${violation.help}`,
    );
  await page.goto("/admin/products");
  expect(await axe()).toEqual([]);
  await page.goto("/admin/products/new");
  await page.getByLabel("Price (USD)").fill("24.999");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByText("Use at most two decimal places.")).toBeVisible();
  await expect(page.getByLabel("Price (USD)")).toHaveValue("24.999");
  await expect(page.getByLabel("Price (USD)")).toHaveAccessibleDescription(/at most two decimals.*Use at most two decimal places/);
  expect(await axe()).toEqual([]);
  await createProduct(page, { name: "Accessible Lantern", description: "Checked with axe." });
  expect(await axe()).toEqual([]);
});

test.describe(() => {
  test.use({ storageState: savedState("support") });
  test("support staff may look at products but not open the editor", async ({ page }) => {
    await page.goto("/admin/products/new");
    await expect(page).toHaveURL(/\/admin\?denied=products%3Awrite$/);
    await expect(page.getByText("Your role does not allow that")).toContainText("products:write");

    await page.goto("/admin/products");
    await expect(page.getByRole("heading", { name: "Products", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "New product" })).toHaveCount(0);
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/admin\/products\/[^/]+$/);
    await expect(page.getByRole("heading", { name: "Details" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Save product|Publish|Upload image|Adjust stock/ })).toHaveCount(0);
  });
});
