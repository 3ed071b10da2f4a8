import "server-only";
import { z } from "zod";
import { problemResponse } from "@/lib/api/problem";
import { getProduct } from "@/lib/dal/catalog/products";
import { listPublishedProducts } from "@/lib/dal/catalog/product-feed";
import { searchProducts } from "@/lib/dal/catalog/search";
import { PAGE_SIZE } from "@/lib/catalog/listing-params";
import { decodeCursor, encodeCursor } from "./cursor";
import { jsonResponse, publicRoute } from "./route";

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  category: z.string().regex(/^[a-z0-9-]{1,100}$/).optional(),
});

/** GET /api/v1/products: the published catalog, keyset-paginated. */
export const listProducts = publicRoute(async ({ url }) => {
  const query = listQuery.safeParse({ limit: url.searchParams.get("limit") ?? undefined, category: url.searchParams.get("category") ?? undefined });
  const cursor = decodeCursor(url.searchParams.get("cursor"));
  if (!query.success || !cursor.ok || typeof cursor.position === "number") return problemResponse("invalidRequest", { detail: "limit, category or cursor is not valid." });
  const feed = await listPublishedProducts({ after: cursor.position, take: query.data.limit, categorySlug: query.data.category });
  return jsonResponse({ items: feed.products, nextCursor: feed.nextAfter ? encodeCursor(feed.nextAfter) : null });
});

/** GET /api/v1/search?q=: the shop's full-text search, page by page behind an opaque cursor. */
export const searchCatalog = publicRoute(async ({ url }) => {
  const q = (url.searchParams.get("q") ?? "").trim();
  const cursor = decodeCursor(url.searchParams.get("cursor"));
  if (!q || q.length > 100 || !cursor.ok || typeof cursor.position === "string") return problemResponse("invalidRequest", { detail: "q (1-100 characters) or cursor is not valid." });
  const page = cursor.position ?? 1;
  const result = await searchProducts(q, page);
  const more = page * PAGE_SIZE < result.total;
  return jsonResponse({ items: result.products, nextCursor: more ? encodeCursor(page + 1) : null });
});

/** GET /api/v1/products/{slug}: one published product. */
export const showProduct = publicRoute<{ slug: string }>(async ({ params }) => {
  if (!/^[a-z0-9-]{1,200}$/.test(params.slug)) return problemResponse("notFound");
  const product = await getProduct(params.slug);
  return product ? jsonResponse(product) : problemResponse("notFound");
});
