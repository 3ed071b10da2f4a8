import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { sampleProduct } from "@/lib/seo/seo-test-fixtures";
import { ProductGrid } from "./product-card";

const products = Array.from({ length: 6 }, (_, index) => ({ ...sampleProduct, slug: `product-${index}`, name: `Product ${index}` }));
const images = (html: string) => [...html.matchAll(/<img [^>]*>/g)].map(([tag]) => tag);

describe("ProductGrid", () => {
  it("fetches the first card's image at once and first, and every other lazily", () => {
    const tags = images(renderToStaticMarkup(<ProductGrid products={products} label="Products" />));
    expect(tags).toHaveLength(6);
    expect(tags[0]).toMatch(/loading="eager"/);
    expect(tags[0]).toMatch(/fetchPriority="high"/i);
    for (const tag of tags.slice(1)) {
      expect(tag).toMatch(/loading="lazy"/);
      expect(tag).toMatch(/decoding="async"/);
      expect(tag).not.toMatch(/fetchPriority/i);
    }
  });

  it("names products with the heading level the page's outline needs", () => {
    expect(renderToStaticMarkup(<ProductGrid products={products} label="Products" />)).toMatch(/<h3[^>]*><a[^>]*>Product 0</);
    const underH1 = renderToStaticMarkup(<ProductGrid products={products} label="Products" headingLevel={2} />);
    expect(underH1).toMatch(/<h2[^>]*><a[^>]*>Product 0</);
    expect(underH1).not.toMatch(/<h3/);
  });
});
