import "server-only";
import { z } from "zod";
import { listingParamsSchema } from "@/lib/catalog/listing-params";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";

export const ADMIN_PRODUCTS_PAGE_SIZE = 50;

/** "All" is every product not archived: archived ones have a filter of their own. */
export const productStatusFilters = { all: "All", published: "Published", unpublished: "Unpublished", archived: "Archived" } as const;

export type ProductStatusFilter = keyof typeof productStatusFilters;

/** The admin product list's query: search text, category slug, status and page. */
export type StaffProductFilters = {
  query: string;
  category: string | null;
  status: ProductStatusFilter;
  page: number;
};

const staffProductParamsSchema = z.object({
  q: listingParamsSchema.shape.q,
  category: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(120)
    .nullable()
    .catch(null),
  status: z.enum(Object.keys(productStatusFilters) as [ProductStatusFilter, ...ProductStatusFilter[]]).catch("all"),
  page: listingParamsSchema.shape.page,
});

/**
 * Parses the list's search parameters leniently: an invalid value falls back
 * to "no filter", so a hand-edited URL gets a normal page, never an error.
 */
export function parseStaffProductFilters(raw: RawSearchParams): StaffProductFilters {
  const { q, category, status, page } = parseSearchParams(staffProductParamsSchema, raw);
  return { query: q, category, status, page };
}

/** The filters as URL parameters, without the defaults (for pagination links). */
export function filtersToParams(filters: StaffProductFilters): Record<string, string> {
  return {
    ...(filters.query && { q: filters.query }),
    ...(filters.category && { category: filters.category }),
    ...(filters.status !== "all" && { status: filters.status }),
  };
}
