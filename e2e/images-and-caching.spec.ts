import { expect, test } from "./support/fixtures";

const IMMUTABLE = "public, max-age=31536000, immutable";
const product = { slug: "studio-over-ear-headphones", name: "Studio Over-Ear Headphones" };
const widthsOf = (srcset: string | null) => (srcset ?? "").split(", ").map((candidate) => candidate.split(" ")[1]);

test("the product page's main image is fetched first, at a width from its srcset", async ({ page }) => {
  const variant = page.waitForResponse((response) => new RegExp(`/products/${product.slug}-\\d+\\.webp$`).test(response.url()));
  await page.goto(`/products/${product.slug}`);
  const image = page.getByRole("img", { name: product.name });
  await expect(image).toHaveAttribute("loading", "eager");
  await expect(image).toHaveAttribute("fetchpriority", "high");
  await expect(image).toHaveAttribute("width", "800");
  await expect(image).toHaveAttribute("height", "800");
  await expect(image).toHaveAttribute("sizes", /calc\(100vw - 32px\)$/);
  expect(widthsOf(await image.getAttribute("srcset"))).toEqual(["320w", "640w", "960w", "1280w"]);
  // The browser chose one of the WebP widths (not the SVG fallback) and it arrived.
  const response = await variant;
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/webp");
  // Regenerating the demo images keeps their URLs: they must be revalidated, never kept as immutable.
  expect(response.headers()["cache-control"] ?? "").not.toContain("immutable");
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.currentSrc)).toMatch(/\.webp$/);
});

test("catalog card images: the first fetched at once and first, the rest lazy; sized, with widths to choose from", async ({ page }) => {
  await page.goto("/category/audio");
  const cards = await page.getByRole("list", { name: "Audio products" }).locator("img").all();
  expect(cards.length).toBeGreaterThan(4);
  for (const [index, card] of cards.entries()) {
    await expect(card).toHaveAttribute("loading", index === 0 ? "eager" : "lazy");
    if (index === 0) await expect(card).toHaveAttribute("fetchpriority", "high");
    else await expect(card).not.toHaveAttribute("fetchpriority", "high");
    if (index > 0) await expect(card).toHaveAttribute("decoding", "async");
    await expect(card).toHaveAttribute("width", "400");
    await expect(card).toHaveAttribute("height", "400");
    await expect(card).toHaveAttribute("sizes", /vw/);
    expect(widthsOf(await card.getAttribute("srcset"))).toEqual(["320w", "640w", "960w", "1280w"]);
  }
});

test("built assets are cacheable for a year and keep the static security headers", async ({ page }) => {
  const assets: { url: string; cacheControl?: string; nosniff?: string }[] = [];
  page.on("response", (response) => {
    if (!new URL(response.url()).pathname.startsWith("/_next/static/")) return;
    const headers = response.headers();
    assets.push({ url: response.url(), cacheControl: headers["cache-control"], nosniff: headers["x-content-type-options"] });
  });
  await page.goto(`/products/${product.slug}`);
  await page.waitForLoadState("networkidle");
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) expect(asset, asset.url).toMatchObject({ cacheControl: IMMUTABLE, nosniff: "nosniff" });
});

test("the shop has an icon: the page's icon link and /favicon.ico both answer", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await request.get(href ?? "");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\//);
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\//);
});
