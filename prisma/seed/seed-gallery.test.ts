import { describe, expect, it } from "vitest";
import { MAX_PRODUCT_IMAGES } from "@/lib/images/gallery-limits";
import { imageAltSchema } from "@/lib/images/image-alt";
import { seedProducts } from "./catalog-data";
import { PRODUCT_IMAGE_VIEWS, productImageSvg } from "./product-image";
import { seedGalleries } from "./seed-gallery";

describe("the demo galleries", () => {
  it("belong to demo products, with two or three views each, every one described by valid alt text", () => {
    expect(Object.keys(seedGalleries).length).toBeGreaterThanOrEqual(3);
    for (const [slug, alts] of Object.entries(seedGalleries)) {
      const product = seedProducts.find((each) => each.slug === slug);
      expect(product, slug).toBeDefined();
      // The home page lists featured products: its first card (a phone's largest content) stays a static file.
      expect(product?.featured, slug).toBe(false);
      expect(alts.length).toBeGreaterThanOrEqual(2);
      expect(alts.length).toBeLessThanOrEqual(Math.min(PRODUCT_IMAGE_VIEWS, MAX_PRODUCT_IMAGES));
      for (const alt of alts) expect(imageAltSchema.safeParse(alt).success, alt).toBe(true);
    }
  });

  it("draws a different picture for each view of a product", () => {
    const product = { slug: "adjustable-led-desk-lamp", name: "Adjustable LED Desk Lamp", categorySlug: "home-office" };
    const views = Array.from({ length: PRODUCT_IMAGE_VIEWS }, (_, view) => productImageSvg(product, view));
    expect(new Set(views).size).toBe(PRODUCT_IMAGE_VIEWS);
    for (const svg of views) expect(svg).not.toMatch(/<text|<script|href=/);
  });
});
