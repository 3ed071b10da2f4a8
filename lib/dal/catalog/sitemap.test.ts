import { describe, expect, it } from "vitest";
import { seedCategories, seedProducts } from "@/prisma/seed/catalog-data";
import { addUnpublishedProduct } from "@/lib/dal/test-fixtures";
import { sitemapEntries } from "@/lib/seo/sitemap-entries";
import { listSitemapCatalog, sitemapDay } from "./sitemap";

// Against the seeded database; its one row of its own is unpublished (and featured) and deleted afterwards.
const { slug: hiddenSlug, prisma } = addUnpublishedProduct({
  name: "Unannounced Sitemap Prototype",
  description: "Must never be listed for search engines before it is published.",
  priceMinor: 100,
});

describe("listSitemapCatalog", () => {
  it("lists every published product and every category, never an unpublished product", async () => {
    const catalog = await listSitemapCatalog();
    const published = await prisma.product.findMany({ where: { published: true }, select: { slug: true } });
    expect(catalog.products.map((product) => product.slug).sort()).toEqual(published.map((product) => product.slug).sort());
    for (const seed of seedProducts) expect(catalog.products.map((product) => product.slug)).toContain(seed.slug);
    expect(catalog.products.map((product) => product.slug)).not.toContain(hiddenSlug);
    expect(catalog.categories.map((category) => category.slug).sort()).toEqual(seedCategories.map((category) => category.slug).sort());
  });

  it("dates a product by the day of its last change, and a category by its latest published product", async () => {
    const catalog = await listSitemapCatalog();
    const rows = await prisma.product.findMany({ where: { published: true }, select: { slug: true, updatedAt: true, category: { select: { slug: true } } } });
    for (const product of catalog.products) {
      expect(product.lastModified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(product.lastModified).toBe(sitemapDay(rows.find((row) => row.slug === product.slug)!.updatedAt));
    }
    const audio = catalog.categories.find((category) => category.slug === "audio");
    const latestAudio = rows.filter((row) => row.category.slug === "audio").map((row) => sitemapDay(row.updatedAt)).sort().at(-1);
    expect(audio?.lastModified).toBe(latestAudio);
  });

  it("never carries a time of day or a field beyond slug and day (updatedAt is internal)", async () => {
    const catalog = await listSitemapCatalog();
    for (const product of catalog.products) expect(Object.keys(product).sort()).toEqual(["lastModified", "slug"]);
    expect(JSON.stringify(catalog)).not.toMatch(/T\d{2}:\d{2}/);
  });
});

describe("sitemap entries from the seeded catalog", () => {
  it("has an absolute URL for each published product and none for the unpublished one", async () => {
    const entries = sitemapEntries(await listSitemapCatalog(), "https://shop.example");
    const urls = entries.map((entry) => entry.url);
    expect(urls[0]).toBe("https://shop.example/");
    expect(urls).toContain("https://shop.example/products/studio-over-ear-headphones");
    expect(urls).toContain("https://shop.example/category/audio");
    expect(urls.some((url) => url.includes(hiddenSlug))).toBe(false);
  });
});
