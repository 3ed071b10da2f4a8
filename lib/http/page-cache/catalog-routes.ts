/**
 * Which requests are the catalog's shared pages: the home page, a category and
 * a product, fetched as a document (GET or HEAD). They render the same for every
 * visitor, so the HTTP server renders them without cookies and keeps them
 * (lib/http/page-cache). Router requests (RSC payloads, prefetches) and server
 * actions go to Next as they are; every other page is personal and rendered per
 * request.
 *
 * Pure, so the HTTP server and the tests share it.
 */
const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
const CATALOG_PATH = new RegExp(`^/(?:|category/${SLUG}|products/${SLUG})$`);
const MAX_SLUG_PATH = 140;
// Next's router and actions ask with these headers; their answers are not the page's HTML.
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action"];
// A category listing's only parameters and their values (lib/catalog/listing-params.ts).
const SORTS = new Set(["featured", "price-asc", "price-desc", "name", "newest"]);
const PAGE = /^[1-9][0-9]{0,2}$/;

/** What to do with a request: not a shared page, or a shared page and the key it is kept under (null: render, do not keep). */
export type CatalogRequest = null | { path: string; key: string | null };

type HeaderBag = Record<string, string | string[] | undefined>;

export function catalogRequest(method: string | undefined, url: string | undefined, headers: HeaderBag): CatalogRequest {
  if (method !== "GET" && method !== "HEAD") return null;
  if (ROUTER_HEADERS.some((name) => headers[name] !== undefined)) return null;
  const parsed = new URL(url ?? "/", "http://localhost");
  const path = parsed.pathname;
  if (path.length > MAX_SLUG_PATH || !CATALOG_PATH.test(path)) return null;
  return { path, key: cacheKey(path, parsed.searchParams) };
}

/**
 * The one key a page is kept under: the path, plus a category's page and sort in
 * a fixed order with defaults left out. Any other query (a notice on the home
 * page, a stray or malformed parameter) is rendered but not kept, so made-up
 * URLs cannot fill the cache.
 */
function cacheKey(path: string, query: URLSearchParams): string | null {
  const names = [...query.keys()];
  if (names.length === 0) return path;
  if (!path.startsWith("/category/")) return null;
  if (names.some((name) => name !== "page" && name !== "sort") || new Set(names).size !== names.length) return null;
  const page = query.get("page") ?? "1";
  const sort = query.get("sort") ?? "featured";
  if (!PAGE.test(page) || !SORTS.has(sort)) return null;
  const kept = new URLSearchParams();
  if (page !== "1") kept.set("page", page);
  if (sort !== "featured") kept.set("sort", sort);
  const rest = kept.toString();
  return rest ? `${path}?${rest}` : path;
}

/** The pages a change to a product shows on: its own page, every listing (home, categories). */
export function isAffectedByProduct(key: string, slug: string): boolean {
  return key === `/products/${slug}` || !key.startsWith("/products/");
}
