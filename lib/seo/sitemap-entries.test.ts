import { describe, expect, it } from "vitest";
import { robotsRules } from "./robots-rules";
import { sitemapEntries } from "./sitemap-entries";

const catalog = {
  products: [
    { slug: "cast-iron-skillet-26cm", lastModified: "2026-11-02" },
    { slug: "studio-over-ear-headphones", lastModified: "2026-12-01" },
  ],
  categories: [
    { slug: "kitchen", lastModified: "2026-11-02" },
    { slug: "empty", lastModified: null },
  ],
};

describe("sitemapEntries", () => {
  const entries = sitemapEntries(catalog, "https://shop.example/");

  it("lists home, every category and every listed product as absolute URLs", () => {
    expect(entries.map((entry) => entry.url)).toEqual([
      "https://shop.example/",
      "https://shop.example/category/kitchen",
      "https://shop.example/category/empty",
      "https://shop.example/products/cast-iron-skillet-26cm",
      "https://shop.example/products/studio-over-ear-headphones",
    ]);
  });

  it("dates each entry by its last change; the home page by the latest, an empty category not at all", () => {
    const byUrl = new Map(entries.map((entry) => [entry.url, entry.lastModified]));
    expect(byUrl.get("https://shop.example/")).toBe("2026-12-01");
    expect(byUrl.get("https://shop.example/products/cast-iron-skillet-26cm")).toBe("2026-11-02");
    expect(byUrl.get("https://shop.example/category/empty")).toBeUndefined();
  });

  it("lists nothing it was not given (the DAL passes published products only)", () => {
    expect(sitemapEntries({ products: [], categories: [] }, "https://shop.example").map((entry) => entry.url)).toEqual(["https://shop.example/"]);
  });
});

describe("robotsRules", () => {
  it("points to the sitemap on the configured origin and keeps crawlers out of personal pages and route handlers", () => {
    const robots = robotsRules("https://shop.example");
    expect(robots.sitemap).toBe("https://shop.example/sitemap.xml");
    expect(robots.rules).toEqual([
      { userAgent: "*", allow: "/", disallow: ["/admin", "/account", "/checkout", "/cart", "/api/", "/orders/status"] },
    ]);
  });
});
