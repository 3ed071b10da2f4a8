import type { PublicCategoryDTO, PublicProductDTO, PublicProductPageDTO } from "@/lib/dal/catalog/dto";
import { moneyDecimalString } from "@/lib/catalog/money";
import { absoluteUrl } from "./absolute-url";
import { plainText } from "./meta-description";

/**
 * schema.org structured data for catalog pages (Google's Product and
 * BreadcrumbList rich results). Pure: the page hands in its DTO and the
 * configured SITE_URL, so a prerendered page builds the same data.
 */
export type JsonLd = { "@context": "https://schema.org"; "@type": string; [key: string]: unknown };

/** One step of a breadcrumb trail: its label and site path. */
export type Crumb = { name: string; path: string };

const HOME_CRUMB: Crumb = { name: "Home", path: "/" };

export const productPath = (slug: string) => `/products/${slug}`;
export const categoryPath = (slug: string) => `/category/${slug}`;

/**
 * A `Product` with an `Offer` per variant on sale (its SKU and price).
 * Availability is whether it is in stock, never the count (stock is internal).
 */
export function productJsonLd(product: PublicProductPageDTO, siteUrl: string): JsonLd {
  const url = absoluteUrl(siteUrl, productPath(product.slug));
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    description: plainText(product.description),
    image: [absoluteUrl(siteUrl, product.imagePath)],
    url,
    category: product.category.name,
    offers: product.variants.map((variant) => ({
      "@type": "Offer",
      url,
      sku: variant.sku,
      price: moneyDecimalString(variant.price),
      priceCurrency: variant.price.currency.toUpperCase(),
      availability: variant.availability.status === "out_of_stock" ? "https://schema.org/OutOfStock" : "https://schema.org/InStock",
    })),
  };
}

/** A `BreadcrumbList` for `crumbs`, each item an absolute URL. */
export function breadcrumbJsonLd(crumbs: Crumb[], siteUrl: string): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(siteUrl, crumb.path),
    })),
  };
}

/** Home › category › product. */
export function productCrumbs(product: Pick<PublicProductDTO, "slug" | "name" | "category">): Crumb[] {
  return [
    HOME_CRUMB,
    { name: product.category.name, path: categoryPath(product.category.slug) },
    { name: product.name, path: productPath(product.slug) },
  ];
}

/** Home › category. */
export function categoryCrumbs(category: Pick<PublicCategoryDTO, "slug" | "name">): Crumb[] {
  return [HOME_CRUMB, { name: category.name, path: categoryPath(category.slug) }];
}

/**
 * JSON for the body of a `<script type="application/ld+json">`. JSON.stringify
 * alone is not safe there: the HTML parser ends the script at `</script` and
 * treats `<!--` specially whatever the JSON means, so a product named
 * `</script><script>alert(1)</script>` would break out. Every `<`, `>` and `&`
 * becomes a \u escape (still the same JSON string to any parser), as do
 * U+2028/U+2029, which some older parsers read as line ends.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
