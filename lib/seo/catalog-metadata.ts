import type { Metadata } from "next";
import type { PublicCategoryDTO, PublicProductPageDTO } from "@/lib/dal/catalog/dto";
import { absoluteUrl } from "./absolute-url";
import { categoryPath, productPath } from "./json-ld";
import { metaDescription } from "./meta-description";

/**
 * Page metadata for catalog pages: title, meta description, canonical URL,
 * Open Graph and Twitter card. Pure (the page passes SITE_URL and the shop's
 * name), so prerendered pages produce the same tags. Next merges metadata
 * shallowly, so each page gets a whole `openGraph` and `twitter` object here.
 */
export type Site = { url: string; name: string };

type PageSeo = {
  title: string;
  description: string;
  /** The site path search engines should index this page as (no tracking or sort parameters). */
  canonicalPath: string;
  image?: { path: string; alt: string };
  type?: "website" | "article";
  robots?: Metadata["robots"];
};

function pageMetadata(site: Site, page: PageSeo): Metadata {
  const url = absoluteUrl(site.url, page.canonicalPath);
  const description = metaDescription(page.description);
  const images = page.image ? [{ url: absoluteUrl(site.url, page.image.path), alt: page.image.alt }] : undefined;
  return {
    title: page.title,
    description,
    alternates: { canonical: url },
    openGraph: { type: page.type ?? "website", siteName: site.name, title: page.title, description, url, images },
    twitter: {
      card: images ? "summary_large_image" : "summary",
      title: page.title,
      description,
      images: images?.map((image) => image.url),
    },
    ...(page.robots ? { robots: page.robots } : {}),
  };
}

/** The home page; its `?notice=` parameter is a one-off message, never part of the canonical URL. */
export function homeMetadata(site: Site, description: string): Metadata {
  return { ...pageMetadata(site, { title: site.name, description, canonicalPath: "/" }), title: { absolute: site.name } };
}

/**
 * A product page: always canonical to /products/<slug>, whatever query string
 * (utm_*, fbclid…) the visitor arrived with. The image is the product's own.
 */
export function productMetadata(site: Site, product: PublicProductPageDTO): Metadata {
  return pageMetadata(site, {
    title: product.metaTitle ?? product.name,
    description: product.metaDescription ?? product.description,
    canonicalPath: productPath(product.slug),
    image: { path: product.imagePath, alt: product.name },
  });
}

/**
 * A category listing. Sorting only reorders the same products, so every sort
 * order is canonical to the default order (one URL per page, no duplicates).
 * Later pages list other products, so page N stays indexable under its own
 * canonical `?page=N` (Google's advice for paginated lists: canonicalizing
 * page 2 to page 1 would hide its products; the sitemap lists every product
 * anyway). A page beyond the last one is empty and indexed nowhere.
 */
export function categoryMetadata(site: Site, category: PublicCategoryDTO, listing: { page: number; pages: number }): Metadata {
  const basePath = categoryPath(category.slug);
  const pastTheEnd = listing.page > listing.pages;
  const canonicalPath = listing.page > 1 && !pastTheEnd ? `${basePath}?page=${listing.page}` : basePath;
  return pageMetadata(site, {
    title: listing.page > 1 && !pastTheEnd ? `${category.metaTitle ?? category.name} (page ${listing.page})` : (category.metaTitle ?? category.name),
    description: category.metaDescription ?? category.description,
    canonicalPath,
    ...(pastTheEnd ? { robots: { index: false, follow: true } } : {}),
  });
}

/**
 * Search results: `noindex, follow`. A results page for any text a visitor
 * types is thin, near-duplicate content (and lets anyone mint indexable pages
 * with their words on the shop's domain); crawlers should follow its links to
 * the products instead. The canonical is the bare /search page.
 */
export function searchMetadata(site: Site): Metadata {
  return pageMetadata(site, {
    // Never the visitor's text: it would put anyone's words in the shop's title and share cards.
    title: "Search",
    description: `Search the ${site.name} catalog.`,
    canonicalPath: "/search",
    robots: { index: false, follow: true },
  });
}
