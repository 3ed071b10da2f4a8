import { describe, expect, it } from "vitest";
import { productImageLayouts, productImageSizes, productImageSrcSet } from "./responsive-image";

describe("productImageSrcSet", () => {
  it("offers an uploaded image at every allowed width through the image route", () => {
    expect(productImageSrcSet("/product-images/cm1abc234")).toBe(
      "/product-images/cm1abc234?w=320 320w, /product-images/cm1abc234?w=640 640w, /product-images/cm1abc234?w=960 960w, /product-images/cm1abc234?w=1280 1280w",
    );
  });

  it("offers a demo SVG as the WebP copies the seed script writes beside it", () => {
    expect(productImageSrcSet("/products/camp-stove-kit.svg")).toBe(
      "/products/camp-stove-kit-320.webp 320w, /products/camp-stove-kit-640.webp 640w, /products/camp-stove-kit-960.webp 960w, /products/camp-stove-kit-1280.webp 1280w",
    );
    expect(productImageSrcSet("/product-placeholder.svg")).toContain("/product-placeholder-640.webp 640w");
  });

  it("offers no widths for a path it does not produce variants for", () => {
    for (const src of ["/elsewhere/x.svg", "https://cdn.example/x.svg", "/products/../secret.svg", "/product-images/a?w=1"]) {
      expect(productImageSrcSet(src), src).toBeUndefined();
    }
  });
});

describe("productImageSizes", () => {
  it("describes each layout's drawn width, ending in a default for the narrowest screens", () => {
    expect(productImageSizes("productMain")).toBe("(min-width: 1152px) 552px, (min-width: 768px) 48vw, (min-width: 640px) calc(100vw - 48px), calc(100vw - 32px)");
    expect(productImageSizes("card")).toMatch(/, calc\(50vw - 22px\)$/);
    expect(productImageSizes("cartThumbnail")).toBe("(min-width: 640px) 96px, 80px");
    for (const sizes of Object.values(productImageLayouts)) expect(sizes.split(", ").at(-1)).toMatch(/^(\d+(px|vw)|calc\(\d+vw - \d+px\))$/);
  });
});
