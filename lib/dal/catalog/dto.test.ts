import { describe, expect, it } from "vitest";
import { publicCategorySelect, publicProductSelect, toPublicProduct } from "./dto";
import { PUBLIC_PRODUCT_KEYS } from "@/lib/dal/test-fixtures";

const sampleRow = {
  id: "ckprod000000000000000000",
  slug: "studio-over-ear-headphones",
  name: "Studio Over-Ear Headphones",
  description: "Closed-back over-ear headphones.",
  priceMinor: 24900,
  currency: "USD",
  imagePath: "/products/studio-over-ear-headphones.svg",
  stock: 34,
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
      imagePath: "/products/studio-over-ear-headphones.svg",
      inStock: true,
      category: { slug: "audio", name: "Audio" },
    });
  });

  it("says in stock or not, never how many", () => {
    expect(toPublicProduct({ ...sampleRow, stock: 0 }).inStock).toBe(false);
    expect(toPublicProduct({ ...sampleRow, stock: -1 }).inStock).toBe(false);
    expect(toPublicProduct({ ...sampleRow, stock: 1 }).inStock).toBe(true);
    expect(JSON.stringify(toPublicProduct({ ...sampleRow, stock: 987654 }))).not.toContain("987654");
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
      "stock",
    ]);
    expect(Object.keys(publicProductSelect.category.select).sort()).toEqual(["name", "slug"]);
  });

  it("selects exactly the public category columns", () => {
    expect(Object.keys(publicCategorySelect).sort()).toEqual(["description", "metaDescription", "metaTitle", "name", "slug"]);
  });
});
