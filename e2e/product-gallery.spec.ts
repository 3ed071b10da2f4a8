import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { expect, test } from "./support/fixtures";
import { createTestProduct } from "./support/products";
import { savedState } from "./support/saved-state";

// A catalog manager's saved session (e2e/auth.setup.ts): these tests change products, not the account.
test.use({ storageState: savedState("catalog_manager") });

const IMMUTABLE = "public, max-age=31536000, immutable";
const widthsOf = (srcset: string | null) => (srcset ?? "").split(", ").map((candidate) => candidate.split(" ")[1]);

/** A plain-colour PNG of the given size, written for the file input (made fresh, never checked in). */
async function pngFile(name: string, colour: { r: number; g: number; b: number }, width = 900, height = 700): Promise<string> {
  const dir = path.join("test-results", "product-gallery");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${randomBytes(4).toString("hex")}-${name}`);
  writeFileSync(file, await sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer());
  return file;
}

async function upload(page: Page, file: string, alt: string) {
  await page.getByLabel("Alt text").last().fill(alt);
  await page.getByLabel("New image").setInputFiles(file);
  await page.getByRole("button", { name: "Upload image" }).click();
}

test("staff add a second image with alt text, move it first, and the product page shows both with srcset", async ({ page }) => {
  const product = await createTestProduct({ name: `Gallery Speaker ${randomBytes(3).toString("hex")}`, priceMinor: 5900, stock: 5 });
  await page.goto(`/admin/products/${product.slug}`);
  const images = page.getByRole("list", { name: "Product images" });

  await upload(page, await pngFile("front.png", { r: 30, g: 90, b: 160 }), "The speaker from the front");
  await expect(page.getByText("The image is added to the gallery.")).toBeVisible();
  await expect(images.getByRole("listitem")).toHaveCount(1);

  // Alt text is required: spaces only are refused by the server, and the form keeps what was typed.
  await upload(page, await pngFile("side.png", { r: 200, g: 120, b: 40 }), "   ");
  await expect(page.getByText("Describe the image for people who cannot see it.")).toBeVisible();
  await expect(images.getByRole("listitem")).toHaveCount(1);

  await upload(page, await pngFile("side.png", { r: 200, g: 120, b: 40 }), "The speaker's side, with its port");
  await expect(page.getByText("The image is added to the gallery.")).toBeVisible();
  await expect(images.getByRole("listitem")).toHaveCount(2);
  await expect(images.getByRole("listitem").first()).toContainText("Image 1 of 2 (cover)");
  await expect(images.getByRole("img").nth(1)).toHaveAttribute("alt", "The speaker's side, with its port");

  await page.getByRole("button", { name: "Move up Image 2" }).click();
  await expect(images.getByRole("img").first()).toHaveAttribute("alt", "The speaker's side, with its port");
  await expect(images.getByRole("img").nth(1)).toHaveAttribute("alt", "The speaker from the front");
  await expect(page.getByRole("button", { name: "Move up Image 1" })).toBeDisabled();

  await page.goto(`/products/${product.slug}`);
  const slides = page.getByRole("list", { name: "Product images, 2" });
  const [first, second] = [slides.getByRole("img").first(), slides.getByRole("img").nth(1)];
  await expect(first).toHaveAttribute("alt", "The speaker's side, with its port");
  await expect(second).toHaveAttribute("alt", "The speaker from the front");
  // The cover is the page's largest content: fetched at once, first; the other waits.
  await expect(first).toHaveAttribute("loading", "eager");
  await expect(first).toHaveAttribute("fetchpriority", "high");
  await expect(second).toHaveAttribute("loading", "lazy");
  for (const image of [first, second]) {
    await expect(image).toHaveAttribute("src", /^\/product-images\/[a-z0-9]+$/);
    await expect(image).toHaveAttribute("sizes", /calc\(100vw - 32px\)$/);
    expect(widthsOf(await image.getAttribute("srcset"))).toEqual(["320w", "640w", "960w", "1280w"]);
  }
  // Each width is its own URL, immutable: a published product's image never changes under its id.
  const src = (await first.getAttribute("src")) ?? "";
  const width = await page.request.get(`${src}?w=640`);
  expect(width.status()).toBe(200);
  expect(width.headers()["cache-control"]).toBe(IMMUTABLE);
  expect(await sharp(await width.body()).metadata()).toMatchObject({ format: "webp", width: 640 });

  // Thumbnails are links to the slides: keyboard-reachable, no script needed.
  const thumbnail = page.getByRole("link", { name: "Show image 2 of 2: The speaker from the front" });
  await thumbnail.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#product-image-2$/);
  await expect(second).toBeInViewport();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
});

test("an image id of another product is refused and changes nothing", async ({ page }) => {
  const mine = await createTestProduct({ name: `Gallery Mine ${randomBytes(3).toString("hex")}`, priceMinor: 1000, stock: 1 });
  const theirs = await createTestProduct({ name: `Gallery Theirs ${randomBytes(3).toString("hex")}`, priceMinor: 1000, stock: 1 });
  await page.goto(`/admin/products/${theirs.slug}`);
  await upload(page, await pngFile("theirs.png", { r: 10, g: 150, b: 90 }, 200, 200), "Their picture");
  await expect(page.getByText("The image is added to the gallery.")).toBeVisible();
  const theirImage = (await page.getByRole("list", { name: "Product images" }).locator('input[name="imageId"]').first().inputValue()) ?? "";

  await page.goto(`/admin/products/${mine.slug}`);
  await upload(page, await pngFile("mine.png", { r: 150, g: 10, b: 90 }, 200, 200), "My picture");
  await expect(page.getByText("The image is added to the gallery.")).toBeVisible();
  // A forged form: my product's delete button, naming their image.
  await page.getByRole("list", { name: "Product images" }).locator('input[name="imageId"]').last().evaluate((input: HTMLInputElement, id) => (input.value = id), theirImage);
  await page.getByRole("button", { name: "Delete Image 1" }).click();
  await expect(page.getByText("This image is no longer in the product's gallery.")).toBeVisible();
  await page.goto(`/admin/products/${theirs.slug}`);
  await expect(page.getByRole("list", { name: "Product images" }).getByRole("img")).toHaveAttribute("alt", "Their picture");
});

test("a gallery fits a 375 px phone: slides scroll inside their row, never the page @mobile", async ({ page }) => {
  await page.goto("/products/ultralight-two-person-tent");
  const slides = page.getByRole("list", { name: "Product images, 3" });
  await expect(slides.getByRole("img")).toHaveCount(3);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.getByRole("link", { name: /^Show image 3 of 3:/ }).tap();
  await expect(page).toHaveURL(/#product-image-3$/);
  await expect(slides.getByRole("img").nth(2)).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
