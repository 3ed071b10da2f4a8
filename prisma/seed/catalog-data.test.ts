import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { productImageSrcSet } from "@/lib/images/responsive-image";
import { seedCategories, seedProducts } from "./catalog-data";
import { productImageSvg } from "./product-image";

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe("demo catalog data", () => {
  it("has enough products and categories", () => {
    expect(seedProducts.length).toBeGreaterThanOrEqual(24);
    expect(seedCategories.length).toBeGreaterThanOrEqual(4);
  });

  it("references only existing categories", () => {
    const categorySlugs = new Set(seedCategories.map((category) => category.slug));
    for (const product of seedProducts) {
      expect(categorySlugs.has(product.categorySlug), product.slug).toBe(true);
    }
  });

  it("uses unique kebab-case slugs", () => {
    const productSlugs = seedProducts.map((product) => product.slug);
    const categorySlugs = seedCategories.map((category) => category.slug);
    expect(new Set(productSlugs).size).toBe(productSlugs.length);
    expect(new Set(categorySlugs).size).toBe(categorySlugs.length);
    for (const slug of [...productSlugs, ...categorySlugs]) {
      expect(slug).toMatch(SLUG_PATTERN);
    }
  });

  it("stores prices as positive integer minor units", () => {
    for (const product of seedProducts) {
      expect(Number.isSafeInteger(product.priceMinor), product.slug).toBe(true);
      expect(product.priceMinor).toBeGreaterThan(0);
    }
  });

  it("has a generated image on disk for every product", () => {
    for (const product of seedProducts) {
      expect(product.imagePath).toBe(`/products/${product.slug}.svg`);
      const file = path.resolve(process.cwd(), "public", "products", `${product.slug}.svg`);
      expect(existsSync(file), file).toBe(true);
    }
  });

  it("has every srcset width of every product image and of the placeholder on disk", () => {
    for (const src of [...seedProducts.map((product) => product.imagePath), "/product-placeholder.svg"]) {
      const urls = (productImageSrcSet(src) ?? "").split(", ").map((candidate) => candidate.split(" ")[0] ?? "");
      expect(urls).toHaveLength(4);
      for (const url of urls) expect(existsSync(path.resolve(process.cwd(), "public", `.${url}`)), url).toBe(true);
    }
  });
});

describe("productImageSvg", () => {
  it("escapes the product name", () => {
    const svg = productImageSvg({ name: `Tom & "Jerry" <b>`, categorySlug: "audio", slug: "tom-and-jerry" });
    expect(svg).toContain("&amp;");
    expect(svg).toContain("&lt;b&gt;");
    expect(svg).toContain("&quot;Jerry&quot;");
    expect(svg).not.toContain("<b>");
  });

  it("is deterministic, self-contained and small", () => {
    const product = { name: "Trail Backpack 30L", categorySlug: "outdoor", slug: "trail-backpack-30l" };
    const svg = productImageSvg(product);
    expect(productImageSvg(product)).toBe(svg);
    expect(svg).toContain('role="img"');
    expect(svg).not.toMatch(/<script|href=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect(Buffer.byteLength(svg, "utf8")).toBeLessThan(3072);
  });

  it("bakes no text into the picture, and products of one category differ", () => {
    const one = productImageSvg({ name: "Trail Backpack 30L", categorySlug: "outdoor", slug: "trail-backpack-30l" });
    const other = productImageSvg({ name: "Camping Stove", categorySlug: "outdoor", slug: "camping-stove" });
    expect(one).not.toMatch(/<text/);
    expect(other).not.toBe(one);
  });
});
