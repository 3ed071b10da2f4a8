import { catalogRequest } from "./catalog-routes";

// At start-up, at most this many pages are rendered ahead of visitors; the rest on first request.
export const PRERENDER_LIMIT = 1_000;

/**
 * The cache keys of the shared pages a sitemap lists (home, categories,
 * published products), in its order, for rendering ahead of the first visitor.
 * The sitemap is the one list of what the catalog publishes, so the server
 * needs no database query of its own.
 */
export function prerenderKeys(sitemapXml: string, limit = PRERENDER_LIMIT): string[] {
  const keys = new Set<string>(["/"]);
  for (const match of sitemapXml.matchAll(/<loc>([^<]{1,2048})<\/loc>/g)) {
    if (keys.size >= limit) break;
    const url = URL.parse((match[1] ?? "").replaceAll("&amp;", "&"));
    if (!url) continue;
    const key = catalogRequest("GET", `${url.pathname}${url.search}`, {})?.key;
    if (key) keys.add(key);
  }
  return [...keys];
}

/** Asks the server itself for its sitemap and returns the pages to render ahead. */
export async function fetchPrerenderKeys(origin: string): Promise<string[]> {
  const response = await fetch(`${origin}/sitemap.xml`);
  if (!response.ok) throw new Error(`sitemap answered ${response.status}`);
  return prerenderKeys(await response.text());
}
