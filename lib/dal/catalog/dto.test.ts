import { describe, expect, it } from "vitest";
import { publicCategorySelect, publicProductSelect, toPublicProduct, toPublicProductPage } from "./dto";
import { PUBLIC_PRODUCT_KEYS } from "@/lib/dal/test-fixtures";

const sampleRow = {
  id: "ckprod000000000000000000",
  slug: "studio-over-ear-headphones",
  name: "Studio Over-Ear Headphones",
  description: "Closed-back over-ear headphones.",
  priceMinor: 24900,
  currency: "USD",
  imagePath: "/products/studio-over-ear-headphones.svg",
  variants: [{ priceMinor: 24900, stock: 34 }],
  published: true,
  featured: true,
  categoryId: "ckcat0000000000000000000",
  category: { id: "ckcat0000000000000000000", slug: "audio", name: "Audio", position: 1 },
};

describe("toPublicProduct", () => {
  it("returns exactly the public keys", () => {
    const dto = toPublicProduct(sampleRow);
    expect(Object.keys(dto).sort()).toEqual(PUBLIC_PRODUCT_KEYS);
    expect(Object.keys(dto.price).sort()).toEqual(["amountMinor", "currency"]);
    expect(Object.keys(dto.category).sort()).toEqual(["name", "slug"]);
  });

  it("drops internal fields even when the row has them", () => {
    const dto: Record<string, unknown> = toPublicProduct(sampleRow);
    for (const key of ["stock", "id", "published", "categoryId", "featured", "priceMinor"]) {
      expect(dto).not.toHaveProperty(key);
    }
    expect(JSON.stringify(dto)).not.toContain(sampleRow.id);
    expect(JSON.stringify(dto)).not.toContain(sampleRow.categoryId);
  });

  it("maps the values", () => {
    expect(toPublicProduct(sampleRow)).toEqual({
      slug: "studio-over-ear-headphones",
      name: "Studio Over-Ear Headphones",
      description: "Closed-back over-ear headphones.",
      price: { amountMinor: 24900, currency: "USD" },
      priceVaries: false,
      imagePath: "/products/studio-over-ear-headphones.svg",
      inStock: true,
      category: { slug: "audio", name: "Audio" },
    });
  });

  it("says in stock when any variant on sale is, never how many", () => {
    const withStock = (...stocks: number[]) => toPublicProduct({ ...sampleRow, variants: stocks.map((stock) => ({ priceMinor: 24900, stock })) });
    expect(withStock(0).inStock).toBe(false);
    expect(withStock(-1, 0).inStock).toBe(false);
    expect(withStock(0, 1).inStock).toBe(true);
    expect(withStock().inStock).toBe(false);
    expect(JSON.stringify(withStock(987654))).not.toContain("987654");
  });

  it("says the price varies when its variants differ in price", () => {
    expect(toPublicProduct({ ...sampleRow, variants: [{ priceMinor: 100, stock: 1 }, { priceMinor: 100, stock: 0 }] }).priceVaries).toBe(false);
    expect(toPublicProduct({ ...sampleRow, variants: [{ priceMinor: 100, stock: 1 }, { priceMinor: 150, stock: 0 }] }).priceVaries).toBe(true);
  });
});

describe("toPublicProductPage", () => {
  const variant = { id: "v1", sku: "HP-BLACK", optionValues: ["Black"], priceMinor: 24900, compareAtPriceMinor: 27900, stock: 3, maxPerOrder: 10 };
  const page = toPublicProductPage({
    ...sampleRow,
    metaTitle: null,
    metaDescription: null,
    options: [{ name: "Colour", values: ["Black", "Silver"] }],
    variants: [variant, { ...variant, id: "v2", sku: "HP-SILVER", optionValues: ["Silver"], compareAtPriceMinor: null, stock: 987654 }],
  });

  it("offers each variant with its price, earlier price and availability, never its stock count", () => {
    expect(page.variants).toEqual([
      {
        id: "v1",
        sku: "HP-BLACK",
        optionValues: ["Black"],
        price: { amountMinor: 24900, currency: "USD" },
        compareAtPrice: { amountMinor: 27900, currency: "USD" },
        availability: { status: "low_stock", unitsLeft: 3 },
        maxQuantity: 3,
      },
      {
        id: "v2",
        sku: "HP-SILVER",
        optionValues: ["Silver"],
        price: { amountMinor: 24900, currency: "USD" },
        compareAtPrice: null,
        availability: { status: "in_stock" },
        maxQuantity: 10,
      },
    ]);
    expect(JSON.stringify(page)).not.toContain("987654");
    expect(page.options).toEqual([{ name: "Colour", values: ["Black", "Silver"] }]);
  });
});

describe("select shapes", () => {
  it("selects exactly the product columns the DTO needs", () => {
    expect(Object.keys(publicProductSelect).sort()).toEqual([
      "category",
      "currency",
      "description",
      "imagePath",
      "name",
      "priceMinor",
      "slug",
      "variants",
    ]);
    expect(publicProductSelect.variants).toEqual({ where: { archivedAt: null }, select: { priceMinor: true, stock: true } });
    expect(Object.keys(publicProductSelect.category.select).sort()).toEqual(["name", "slug"]);
  });

  it("selects exactly the public category columns", () => {
    expect(Object.keys(publicCategorySelect).sort()).toEqual(["description", "metaDescription", "metaTitle", "name", "slug"]);
  });
});
