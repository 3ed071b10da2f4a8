import "server-only";
import { PAGE_SIZE } from "@/lib/catalog/listing-params";
import { db } from "@/lib/db";
import { type PublicProductDTO, publicProductSelect, toPublicProduct } from "./dto";

/**
 * Full-text product search on PostgreSQL. Matches come from the English
 * full-text index (stemming: "headphone" finds "Headphones"; name weighs more
 * than description) or, for typos, from trigram word similarity on the name
 * ("hedphones"). The text is always a bound parameter, never spliced into SQL.
 *
 * The tsvector expression must stay identical to the index
 * "sql_product_search_idx" (prisma/migrations/*_catalog_search) to use it.
 */
export type PublicSearchResultDTO = { products: PublicProductDTO[]; total: number };

type RankedId = { id: string };

export async function searchProducts(query: string, page: number): Promise<PublicSearchResultDTO> {
  if (!query) return { products: [], total: 0 };
  const offset = (page - 1) * PAGE_SIZE;
  const [ranked, counted] = await Promise.all([
    db.$queryRaw<RankedId[]>`
      WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS tsq)
      SELECT p.id
        FROM "Product" p, q
       WHERE p.published
         AND (to_tsvector('english'::regconfig, p."name" || ' ' || p."description") @@ q.tsq
              OR ${query} <% p."name")
       ORDER BY ts_rank(setweight(to_tsvector('english', p."name"), 'A')
                        || setweight(to_tsvector('english', p."description"), 'B'), q.tsq) DESC,
                word_similarity(${query}, p."name") DESC,
                p."name" ASC
       LIMIT ${PAGE_SIZE} OFFSET ${offset}`,
    db.$queryRaw<{ total: bigint }[]>`
      WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS tsq)
      SELECT count(*) AS total
        FROM "Product" p, q
       WHERE p.published
         AND (to_tsvector('english'::regconfig, p."name" || ' ' || p."description") @@ q.tsq
              OR ${query} <% p."name")`,
  ]);
  const ids = ranked.map((row) => row.id);
  const rows = await db.product.findMany({ where: { id: { in: ids } }, select: { id: true, ...publicProductSelect } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const products = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toPublicProduct(row)] : [];
  });
  return { products, total: Number(counted[0]?.total ?? 0) };
}
