import type { MetadataRoute } from "next";
import { absoluteUrl } from "./absolute-url";

/**
 * Paths crawlers are asked to leave alone: personal and transactional pages
 * (they answer per visitor and are noindex anyway) and route handlers.
 * robots.txt is advice, not access control: every one of these is protected
 * by the data access layer on its own.
 */
export const DISALLOWED_PATHS = ["/admin", "/account", "/checkout", "/cart", "/api/", "/orders/status"] as const;

/** robots.txt: everything else may be crawled; the sitemap's absolute URL comes from SITE_URL. */
export function robotsRules(siteUrl: string): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: [...DISALLOWED_PATHS] }],
    sitemap: absoluteUrl(siteUrl, "/sitemap.xml"),
  };
}
