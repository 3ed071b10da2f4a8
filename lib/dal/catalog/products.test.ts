import { describe, expect, it } from "vitest";
import { PAGE_SIZE } from "@/lib/catalog/listing-params";
import { seedCategories, seedProducts } from "@/prisma/seed/catalog-data";
import { getCategory, getCategoryPage, getProduct, listCategories, listFeaturedProducts } from "./products";
import { addUnpublishedProduct } from "@/lib/dal/test-fixtures";

// Reads the seeded catalog (fails clearly without a local test database);
// its one row of its own is unpublished and deleted afterwards.
// Sorts first by name and by price, and is featured: it would show up everywhere if leaked.
const { slug: hiddenSlug, prisma } = addUnpublishedProduct({
  name: "AAA Unpublished Prototype Headphones",
  description: "An unreleased prototype that must never be shown to shoppers.",
  priceMinor: 1,
});

function seedProduct(slug: string) {
  const product = seedProducts.find((candidate) => candidate.slug === slug);
  if (!product) throw new Error(`no seed product ${slug}`);
  return product;
}

function isSorted(values: number[], direction: "asc" | "desc"): boolean {
  return values.every((value, index) => {
    const previous = values[index - 1];
    if (previous === undefined) return true;
    return direction === "asc" ? previous <= value : previous >= value;
  });
}

const audioSeed = seedProducts.filter((product) => product.categorySlug === "audio");

describe("listCategories", () => {
  it("returns the seed categories in position order", async () => {
    // Other test files create categories of their own in the same database.
    const seedSlugs = new Set(seedCategories.map((category) => category.slug));
    const categories = (await listCategories()).filter((category) => seedSlugs.has(category.slug));
    const expected = [...seedCategories]
      .sort((a, b) => a.position - b.position)
      .map(({ slug, name, description }) => ({ slug, name, description, metaTitle: null, metaDescription: null }));
    expect(categories).toEqual(expected);
  });
});

describe("listFeaturedProducts", () => {
  it("returns only the featured seed products, by name", async () => {
    const products = await listFeaturedProducts();
    const expected = seedProducts
      .filter((product) => product.featured)
      .map((product) => product.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, 8);
    expect(products.map((product) => product.name)).toEqual(expected);
    expect(products.map((product) => product.slug)).not.toContain(hiddenSlug);
  });

  it("honours the limit", async () => {
    const products = await listFeaturedProducts(3);
    expect(products).toHaveLength(3);
    for (const product of products) expect(seedProduct(product.slug).featured).toBe(true);
  });
});

describe("getCategoryPage", () => {
  it("sorts by price ascending and counts every published product", async () => {
    const page = await getCategoryPage("audio", 1, "price-asc");
    expect(page).not.toBeNull();
    if (!page) return;
    expect(page.category).toEqual({
      slug: "audio",
      name: "Audio",
      description: seedCategories.find((category) => category.slug === "audio")?.description,
      metaTitle: null,
      metaDescription: null,
    });
    expect(page.total).toBe(audioSeed.length);
    expect(page.products.length).toBeLessThanOrEqual(PAGE_SIZE);
    expect(page.products.map((product) => product.slug).sort()).toEqual(
      audioSeed.map((product) => product.slug).sort(),
    );
    expect(isSorted(page.products.map((product) => product.price.amountMinor), "asc")).toBe(true);
    expect(page.products[0]?.price.amountMinor).toBe(Math.min(...audioSeed.map((product) => product.priceMinor)));
    for (const product of page.products) expect(product.category.slug).toBe("audio");
  });

  it("sorts by price descending", async () => {
    const page = await getCategoryPage("audio", 1, "price-desc");
    const prices = page?.products.map((product) => product.price.amountMinor) ?? [];
    expect(prices).toHaveLength(audioSeed.length);
    expect(isSorted(prices, "desc")).toBe(true);
    expect(prices[0]).toBe(Math.max(...audioSeed.map((product) => product.priceMinor)));
  });

  it("returns an empty page past the end but keeps the total", async () => {
    expect(audioSeed.length).toBeLessThanOrEqual(PAGE_SIZE);
    const page = await getCategoryPage("audio", 2, "featured");
    expect(page?.products).toEqual([]);
    expect(page?.total).toBe(audioSeed.length);
  });

  it("returns null for an unknown category", async () => {
    expect(await getCategoryPage("no-such-category", 1, "featured")).toBeNull();
  });

  it("never includes unpublished products", async () => {
    for (const sort of ["featured", "price-asc", "name", "newest"] as const) {
      const page = await getCategoryPage("audio", 1, sort);
      expect(page?.products.map((product) => product.slug)).not.toContain(hiddenSlug);
      expect(page?.total).toBe(audioSeed.length);
    }
  });
});

describe("getCategory", () => {
  it("returns the public fields of a seed category", async () => {
    const seed = seedCategories.find((category) => category.slug === "kitchen");
    expect(await getCategory("kitchen")).toEqual({ slug: "kitchen", name: seed?.name, description: seed?.description, metaTitle: null, metaDescription: null });
  });

  it("returns null for an unknown category", async () => {
    expect(await getCategory("no-such-category")).toBeNull();
  });
});

describe("getProduct", () => {
  it("returns the public DTO of a seed product, with its options and variants on sale", async () => {
    const seed = seedProduct("studio-over-ear-headphones");
    const product = await getProduct(seed.slug);
    expect(product).toEqual({
      id: expect.any(String),
      slug: seed.slug,
      name: seed.name,
      description: seed.description,
      // The listing price is the cheaper variant's (Silver, reduced from the usual price).
      price: { amountMinor: 22900, currency: seed.currency },
      priceVaries: true,
      imagePath: seed.imagePath,
      inStock: true,
      category: { slug: "audio", name: "Audio" },
      metaTitle: null,
      metaDescription: null,
      options: [{ name: "Colour", values: ["Black", "Silver"] }],
      variants: [
        expect.objectContaining({ sku: "STUDIO-OVER-EAR-HEADPHONES-BLACK", optionValues: ["Black"], price: { amountMinor: seed.priceMinor, currency: seed.currency }, compareAtPrice: null }),
        expect.objectContaining({ sku: "STUDIO-OVER-EAR-HEADPHONES-SILVER", optionValues: ["Silver"], price: { amountMinor: 22900, currency: seed.currency }, compareAtPrice: { amountMinor: 24900, currency: seed.currency } }),
      ],
    });
  });

  it("returns null for an unknown slug", async () => {
    expect(await getProduct("no-such-product")).toBeNull();
  });

  it("returns null for an unpublished product", async () => {
    // The row exists, so a null here is the published filter at work.
    expect(await prisma.product.count({ where: { slug: hiddenSlug } })).toBe(1);
    expect(await getProduct(hiddenSlug)).toBeNull();
  });
});
