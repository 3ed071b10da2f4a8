/**
 * An absolute URL on the shop's own origin (SITE_URL) for a path such as
 * "/products/x". Search engines need absolute URLs in canonicals, Open Graph,
 * JSON-LD and the sitemap; they are built from configuration, never from the
 * request's Host header (which a client controls). Joined as text, as links in
 * mail are, so a SITE_URL with a base path keeps it.
 */
export function absoluteUrl(siteUrl: string, path: string): string {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`not a site path: ${path}`);
  return `${siteUrl.replace(/\/+$/, "")}${path}`;
}
