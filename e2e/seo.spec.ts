import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { sql } from "./support/database";
import { databaseDownURL } from "./urls";

type Thing = { "@type": string; [key: string]: unknown };

/** Every JSON-LD block of the page, parsed as a search engine would. */
async function jsonLd(page: Page): Promise<Thing[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text) as Thing);
}

/**
 * Console errors (Chromium reports every CSP violation there) and uncaught page errors from now
 * on. The shop has an icon (app/icon.svg, app/favicon.ico), so a failed icon request counts too.
 */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    const url = message.location().url;
    if (message.type() === "error") errors.push(`${message.text()} ${url}`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("a product page carries its canonical, share tags and structured data, within the CSP", async ({ page, baseURL, request }) => {
  const errors = consoleErrors(page);
  // Arriving from a campaign link: the canonical must not carry its tracking parameters.
  await page.goto("/products/studio-over-ear-headphones?utm_source=newsletter&fbclid=abc");
  const productUrl = `${baseURL}/products/studio-over-ear-headphones`;
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", productUrl);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", productUrl);
  await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute("content", /\S/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  const ogImage = (await page.locator('meta[property="og:image"]').getAttribute("content")) ?? "";
  expect(ogImage.startsWith(`${baseURL}/`)).toBe(true);
  expect((await request.get(ogImage)).status()).toBe(200);
  const description = (await page.locator('meta[name="description"]').getAttribute("content")) ?? "";
  expect(description.length).toBeGreaterThan(0);
  expect(description.length).toBeLessThanOrEqual(155);

  const things = await jsonLd(page);
  const product = things.find((thing) => thing["@type"] === "Product");
  expect(product).toMatchObject({ name: "Studio Over-Ear Headphones", url: productUrl, image: [ogImage] });
  // One offer per colour, each with its SKU.
  expect(product?.offers).toEqual([
    expect.objectContaining({ "@type": "Offer", sku: "STUDIO-OVER-EAR-HEADPHONES-BLACK", price: expect.stringMatching(/^\d+\.\d{2}$/), priceCurrency: "USD", url: productUrl }),
    expect.objectContaining({ "@type": "Offer", sku: "STUDIO-OVER-EAR-HEADPHONES-SILVER", availability: expect.stringMatching(/^https:\/\/schema\.org\/(InStock|OutOfStock)$/) }),
  ]);
  const breadcrumbs = things.find((thing) => thing["@type"] === "BreadcrumbList");
  expect((breadcrumbs?.itemListElement as { item: string }[]).map((item) => item.item)).toEqual([
    `${baseURL}/`,
    `${baseURL}/category/audio`,
    productUrl,
  ]);
  expect(errors).toEqual([]);
});

test("a sorted category page is canonical to the category, with its breadcrumb trail", async ({ page, baseURL }) => {
  const errors = consoleErrors(page);
  await page.goto("/category/audio?sort=price-asc&utm_campaign=x");
  await expect(page.getByRole("heading", { level: 1, name: "Audio" })).toBeVisible();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/category/audio`);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Audio");
  const breadcrumbs = (await jsonLd(page)).find((thing) => thing["@type"] === "BreadcrumbList");
  expect(breadcrumbs?.itemListElement).toEqual([
    { "@type": "ListItem", position: 1, name: "Home", item: `${baseURL}/` },
    { "@type": "ListItem", position: 2, name: "Audio", item: `${baseURL}/category/audio` },
  ]);
  // Client-side navigation proves the page's scripts hydrated under the CSP. The first card, whichever it is:
  // other specs add products to this category, so a given product may be on a later page of the sorted list.
  const firstProduct = page.getByRole("main").locator('a[href^="/products/"]').first();
  const name = (await firstProduct.textContent())?.trim() ?? "";
  expect(name).not.toBe("");
  await firstProduct.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  expect(errors).toEqual([]);
});

test("search results are noindex, follow", async ({ page }) => {
  await page.goto("/search?q=headphone");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, follow");
});

test("robots.txt and sitemap.xml point search engines at published pages only", async ({ request, baseURL }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const rules = await robots.text();
  expect(rules).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  for (const path of ["/admin", "/account", "/checkout", "/cart", "/api/", "/orders/status"]) expect(rules).toContain(`Disallow: ${path}\n`);
  // It needs no database: the server whose database is down still answers it.
  expect((await request.get(`${databaseDownURL}/robots.txt`)).status()).toBe(200);

  // An unannounced product: the sitemap must not list it.
  const hidden = `e2e-unpublished-${randomUUID()}`;
  await sql(
    `INSERT INTO "Product" (id, slug, name, description, "priceMinor", currency, "imagePath", published, "categoryId", "updatedAt")
     SELECT $1, $1, 'Unannounced prototype', 'Not yet public.', 100, 'USD', '/product-placeholder.svg', false, id, now()
     FROM "Category" WHERE slug = 'audio'`,
    [hidden],
  );
  let xml: string;
  try {
    const sitemap = await request.get("/sitemap.xml");
    expect(sitemap.status()).toBe(200);
    expect(sitemap.headers()["content-type"]).toContain("xml");
    xml = await sitemap.text();
  } finally {
    await sql(`DELETE FROM "Product" WHERE slug = $1`, [hidden]);
  }
  expect(xml).not.toContain(hidden);
  expect(xml).toContain(`<loc>${baseURL}/</loc>`);
  expect(xml).toContain(`<loc>${baseURL}/category/audio</loc>`);
  expect(xml).toContain(`<loc>${baseURL}/products/studio-over-ear-headphones</loc>`);
  expect(xml).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/);
  const unpublished = await sql<{ slug: string }>(`SELECT slug FROM "Product" WHERE published = false`);
  for (const { slug } of unpublished) expect(xml).not.toContain(`/products/${slug}<`);
});
