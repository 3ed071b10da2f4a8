import { describe, expect, it } from "vitest";
import { PAGE_SIZE } from "@/lib/catalog/listing-params";
import { seedProducts } from "@/prisma/seed/catalog-data";
import { searchProducts } from "./search";
import type { PublicProductDTO } from "./dto";
import { PUBLIC_PRODUCT_KEYS, addUnpublishedProduct } from "@/lib/dal/test-fixtures";

// Reads the seeded catalog (fails clearly without a local test database);
// its one row of its own is unpublished and deleted afterwards.
const { slug: hiddenSlug, prisma } = addUnpublishedProduct({
  name: "Hidden Headphones Prototype",
  description: "Prototype headphones with kettle-quiet noise cancelling, not yet for sale.",
  priceMinor: 100,
});

const headphoneSeedSlugs = seedProducts
  .filter((product) => product.name.includes("Headphones"))
  .map((product) => product.slug)
  .sort();

async function allPages(query: string): Promise<{ products: PublicProductDTO[]; totals: number[] }> {
  const products: PublicProductDTO[] = [];
  const totals: number[] = [];
  for (let page = 1; page <= 50; page += 1) {
    const result = await searchProducts(query, page);
    totals.push(result.total);
    if (result.products.length === 0) break;
    expect(result.products.length).toBeLessThanOrEqual(PAGE_SIZE);
    products.push(...result.products);
  }
  return { products, totals };
}

describe("searchProducts", () => {
  it("finds every headphones product from the singular stem", async () => {
    expect(headphoneSeedSlugs.length).toBeGreaterThanOrEqual(3);
    const result = await searchProducts("headphone", 1);
    const slugs = result.products.map((product) => product.slug);
    for (const slug of headphoneSeedSlugs) expect(slugs).toContain(slug);
  });

  it("ranks name matches before description-only matches", async () => {
    const result = await searchProducts("headphones", 1);
    const names = result.products.map((product) => product.name);
    const firstNames = names.slice(0, headphoneSeedSlugs.length);
    expect(firstNames).toHaveLength(headphoneSeedSlugs.length);
    for (const name of firstNames) expect(name).toContain("Headphones");
    const lastNameMatch = names.findLastIndex((name) => name.includes("Headphones"));
    const firstOther = names.findIndex((name) => !name.includes("Headphones"));
    if (firstOther !== -1) expect(lastNameMatch).toBeLessThan(firstOther);
  });

  it("tolerates a typo", async () => {
    const result = await searchProducts("hedphones", 1);
    const slugs = result.products.map((product) => product.slug);
    expect(result.total).toBeGreaterThan(0);
    for (const slug of headphoneSeedSlugs) expect(slugs).toContain(slug);
  });

  it("finds the kettle", async () => {
    const result = await searchProducts("kettle", 1);
    expect(result.products.map((product) => product.name)).toContain("Pour-Over Coffee Kettle");
    expect(result.products[0]?.name).toBe("Pour-Over Coffee Kettle");
  });

  it("treats SQL metacharacters as plain text", async () => {
    const before = await prisma.product.count();
    for (const query of [`'; DROP TABLE "Product"; --`, `" OR 1=1 --`, `\\'); SELECT pg_sleep(5); --`, "%_*:|&!()<>"]) {
      const result = await searchProducts(query, 1);
      expect(result.total).toBe(result.products.length);
      expect(result.total).toBeLessThan(seedProducts.length);
    }
    expect(await prisma.product.count()).toBe(before);
    expect(before).toBeGreaterThanOrEqual(seedProducts.length);
  });

  it("returns nothing for an empty query", async () => {
    expect(await searchProducts("", 1)).toEqual({ products: [], total: 0 });
  });

  it("returns the products as public DTOs", async () => {
    const [product] = (await searchProducts("kettle", 1)).products;
    expect(Object.keys(product ?? {}).sort()).toEqual(PUBLIC_PRODUCT_KEYS);
  });

  it("reports a total equal to the results across all pages", async () => {
    const query = "wireless or bluetooth or steel or cotton or wool";
    const { products, totals } = await allPages(query);
    expect(products.length).toBeGreaterThan(PAGE_SIZE); // the query really spans pages
    expect(new Set(totals)).toEqual(new Set([products.length]));
    expect(new Set(products.map((product) => product.slug)).size).toBe(products.length);
  });

  it("never returns unpublished products", async () => {
    expect(await prisma.product.count({ where: { slug: hiddenSlug } })).toBe(1);
    for (const query of ["headphones", "headphone", "hedphones", "hidden", "prototype", "Hidden Headphones Prototype"]) {
      const { products, totals } = await allPages(query);
      expect(products.map((product) => product.slug)).not.toContain(hiddenSlug);
      expect(totals[0]).toBe(products.length);
    }
    expect(await searchProducts("hidden prototype", 1)).toEqual({ products: [], total: 0 });
  });
});
