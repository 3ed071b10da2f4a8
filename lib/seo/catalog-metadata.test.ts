import { describe, expect, it } from "vitest";
import { categoryMetadata, homeMetadata, productMetadata, searchMetadata } from "./catalog-metadata";
import { sampleProduct } from "./seo-test-fixtures";

const site = { url: "https://shop.example", name: "Northwind Goods" };
const audio = { slug: "audio", name: "Audio", description: "Headphones and speakers.", metaTitle: null, metaDescription: null };

describe("productMetadata", () => {
  const metadata = productMetadata(site, { ...sampleProduct, description: `${"Sound ".repeat(60)}end`, metaTitle: null, metaDescription: null });

  it("takes staff's meta title and description over the name and description", () => {
    const own = productMetadata(site, { ...sampleProduct, metaTitle: "Closed-back studio headphones", metaDescription: "Flat response, 40 mm drivers." });
    expect(own.title).toBe("Closed-back studio headphones");
    expect(own.description).toBe("Flat response, 40 mm drivers.");
    expect(own.openGraph).toMatchObject({ title: "Closed-back studio headphones" });
  });

  it("is canonical to the product path on the configured origin, whatever query it was reached with", () => {
    expect(metadata.alternates?.canonical).toBe("https://shop.example/products/studio-over-ear-headphones");
  });

  it("gives Open Graph and Twitter the title, cut description, URL, site name and absolute image", () => {
    expect(metadata.openGraph).toMatchObject({
      siteName: "Northwind Goods",
      title: "Studio Over-Ear Headphones",
      url: "https://shop.example/products/studio-over-ear-headphones",
      images: [{ url: "https://shop.example/products/studio-over-ear-headphones.svg", alt: "Studio Over-Ear Headphones" }],
    });
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image", images: ["https://shop.example/products/studio-over-ear-headphones.svg"] });
    expect(metadata.description).toMatch(/^Sound Sound .*Sound…$/);
    expect((metadata.description ?? "").length).toBeLessThanOrEqual(155);
    expect(metadata.openGraph?.description).toBe(metadata.description);
    expect(metadata.robots).toBeUndefined();
  });
});

describe("categoryMetadata", () => {
  it("is canonical to the bare category on its first page (any sort order)", () => {
    const metadata = categoryMetadata(site, audio, { page: 1, pages: 3 });
    expect(metadata.alternates?.canonical).toBe("https://shop.example/category/audio");
    expect(metadata.title).toBe("Audio");
    expect(metadata.robots).toBeUndefined();
    expect(metadata.twitter).toMatchObject({ card: "summary" });
  });

  it("keeps a later page indexable under its own ?page= canonical", () => {
    const metadata = categoryMetadata(site, audio, { page: 2, pages: 3 });
    expect(metadata.alternates?.canonical).toBe("https://shop.example/category/audio?page=2");
    expect(metadata.title).toBe("Audio (page 2)");
  });

  it("takes staff's meta title and description over the name and description", () => {
    const metadata = categoryMetadata(site, { ...audio, metaTitle: "Headphones and speakers", metaDescription: "Tested audio gear." }, { page: 1, pages: 1 });
    expect(metadata.title).toBe("Headphones and speakers");
    expect(metadata.description).toBe("Tested audio gear.");
  });

  it("keeps an empty page past the end out of the index", () => {
    const metadata = categoryMetadata(site, audio, { page: 9, pages: 3 });
    expect(metadata.alternates?.canonical).toBe("https://shop.example/category/audio");
    expect(metadata.robots).toEqual({ index: false, follow: true });
  });
});

describe("searchMetadata and homeMetadata", () => {
  it("marks search results noindex, follow, canonical to /search", () => {
    const metadata = searchMetadata(site);
    expect(metadata.robots).toEqual({ index: false, follow: true });
    expect(metadata.alternates?.canonical).toBe("https://shop.example/search");
  });

  it("makes the home page canonical to the origin, titled with the shop's name", () => {
    const metadata = homeMetadata(site, "Everyday goods.");
    expect(metadata.alternates?.canonical).toBe("https://shop.example/");
    expect(metadata.title).toEqual({ absolute: "Northwind Goods" });
    expect(metadata.openGraph).toMatchObject({ url: "https://shop.example/", siteName: "Northwind Goods", description: "Everyday goods." });
  });
});
