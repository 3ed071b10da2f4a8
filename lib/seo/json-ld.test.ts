import { describe, expect, it } from "vitest";
import { sampleProduct } from "./seo-test-fixtures";
import { breadcrumbJsonLd, categoryCrumbs, productCrumbs, productJsonLd, serializeJsonLd } from "./json-ld";

const SITE = "https://shop.example";


describe("productJsonLd", () => {
  it("describes the product with an offer per variant: SKU, decimal price, currency, availability and absolute URLs", () => {
    expect(productJsonLd(sampleProduct, SITE)).toEqual({
      "@context": "https://schema.org",
      "@type": "Product",
      name: "Studio Over-Ear Headphones",
      description: "Closed-back over-ear headphones.",
      image: ["https://shop.example/products/studio-over-ear-headphones.svg"],
      url: "https://shop.example/products/studio-over-ear-headphones",
      category: "Audio",
      offers: [
        {
          "@type": "Offer",
          url: "https://shop.example/products/studio-over-ear-headphones",
          sku: "STUDIO-OVER-EAR-HEADPHONES",
          price: "249.00",
          priceCurrency: "USD",
          availability: "https://schema.org/InStock",
        },
      ],
    });
  });

  it("gives each variant its own price and availability, never its stock count", () => {
    const [first] = sampleProduct.variants;
    if (!first) throw new Error("the sample has a variant");
    const variants = [
      { ...first, id: "var_black", sku: "HP-BLACK", optionValues: ["Black"], availability: { status: "low_stock" as const, unitsLeft: 3 } },
      { ...first, id: "var_silver", sku: "HP-SILVER", optionValues: ["Silver"], price: { amountMinor: 22900, currency: "USD" }, availability: { status: "out_of_stock" as const } },
    ];
    const offers = productJsonLd({ ...sampleProduct, options: [{ name: "Colour", values: ["Black", "Silver"] }], variants }, SITE).offers as Record<string, unknown>[];
    expect(offers.map((offer) => [offer.sku, offer.price, offer.availability])).toEqual([
      ["HP-BLACK", "249.00", "https://schema.org/InStock"],
      ["HP-SILVER", "229.00", "https://schema.org/OutOfStock"],
    ]);
    expect(JSON.stringify(offers)).not.toContain("unitsLeft");
  });

  it("points an uploaded image at the image route on the configured origin", () => {
    const data = productJsonLd({ ...sampleProduct, imagePath: "/product-images/ckimage123" }, `${SITE}/`);
    expect(data.image).toEqual(["https://shop.example/product-images/ckimage123"]);
  });
});

describe("breadcrumbJsonLd", () => {
  it("lists Home › category › product with positions and absolute URLs", () => {
    const data = breadcrumbJsonLd(productCrumbs(sampleProduct), SITE);
    expect(data["@type"]).toBe("BreadcrumbList");
    expect(data.itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: "https://shop.example/" },
      { "@type": "ListItem", position: 2, name: "Audio", item: "https://shop.example/category/audio" },
      { "@type": "ListItem", position: 3, name: "Studio Over-Ear Headphones", item: "https://shop.example/products/studio-over-ear-headphones" },
    ]);
  });

  it("lists Home › category for a category page", () => {
    const items = breadcrumbJsonLd(categoryCrumbs({ slug: "audio", name: "Audio" }), SITE).itemListElement as { item: string }[];
    expect(items.map((item) => item.item)).toEqual(["https://shop.example/", "https://shop.example/category/audio"]);
  });
});

describe("serializeJsonLd", () => {
  const hostile = `</script><script>alert(1)</script><!-- & \u2028`;

  it("leaves no character that could end or comment out the script element (V1.2.1 contextual encoding)", () => {
    const json = serializeJsonLd(productJsonLd({ ...sampleProduct, name: hostile, description: hostile }, SITE));
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json.toLowerCase()).not.toContain("</script");
    expect(json).not.toContain("<!--");
    expect(json).toContain("\\u003c/script\\u003e");
  });

  it("is still the same JSON: a parser reads the hostile name back exactly", () => {
    const json = serializeJsonLd(productJsonLd({ ...sampleProduct, name: hostile }, SITE));
    expect((JSON.parse(json) as { name: string }).name).toBe(hostile);
  });
});
