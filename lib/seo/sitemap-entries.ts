import type { MetadataRoute } from "next";
import type { PublicSitemapCatalogDTO } from "@/lib/dal/catalog/sitemap";
import { absoluteUrl } from "./absolute-url";
import { categoryPath, productPath } from "./json-ld";

/**
 * The sitemap's entries: the home page, every category and every product the
 * DAL listed (published ones only; it never returns others). Pure, so the
 * same entries come out of a prerendered or a per-request sitemap.
 */
export function sitemapEntries(catalog: PublicSitemapCatalogDTO, siteUrl: string): MetadataRoute.Sitemap {
  const products = catalog.products.map((product) => ({
    url: absoluteUrl(siteUrl, productPath(product.slug)),
    lastModified: product.lastModified,
    changeFrequency: "weekly" as const,
    priority: 0.8,
  }));
  const categories = catalog.categories.map((category) => ({
    url: absoluteUrl(siteUrl, categoryPath(category.slug)),
    ...(category.lastModified ? { lastModified: category.lastModified } : {}),
    changeFrequency: "weekly" as const,
    priority: 0.6,
  }));
  const latest = latestDay([...catalog.products.map((product) => product.lastModified), ...catalog.categories.map((category) => category.lastModified)]);
  const home = { url: absoluteUrl(siteUrl, "/"), ...(latest ? { lastModified: latest } : {}), changeFrequency: "daily" as const, priority: 1 };
  return [home, ...categories, ...products];
}

/** The latest of `days` (YYYY-MM-DD strings sort as dates), or undefined when there are none. */
function latestDay(days: (string | null)[]): string | undefined {
  return days.filter((day): day is string => day !== null).sort().at(-1);
}
