import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_SIZE } from "@/lib/catalog/listing-params";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { seedProducts } from "@/prisma/seed/catalog-data";
import { searchProducts } from "./catalog-search";
import type { PublicProductDTO } from "./catalog-dto";

// Fails clearly (before any query) when no local test database is configured.
const databaseUrl = requireTestDatabaseUrl();

// This suite only reads the seeded catalog; its own row uses a unique slug and is deleted afterwards.
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
const hiddenSlug = `vitest-hidden-headphones-${randomUUID()}`;

beforeAll(async () => {
  const audio = await prisma.category.findUniqueOrThrow({ where: { slug: "audio" }, select: { id: true } });
  await prisma.product.create({
    data: {
      slug: hiddenSlug,
      name: "Hidden Headphones Prototype",
      description: "Prototype headphones with kettle-quiet noise cancelling, not yet for sale.",
      priceMinor: 100,
      currency: "USD",
      stock: 5,
      imagePath: "/products/unpublished.svg",
      featured: true,
      published: false,
      categoryId: audio.id,
    },
  });
});

afterAll(async () => {
  await prisma.product.deleteMany({ where: { slug: hiddenSlug } });
  await prisma.$disconnect();
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
    expect(Object.keys(product ?? {}).sort()).toEqual([
      "category",
      "description",
      "imagePath",
      "inStock",
      "name",
      "price",
      "slug",
    ]);
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
