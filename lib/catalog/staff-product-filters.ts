import "server-only";
import { z } from "zod";
import { parsePage, parseSearchQuery } from "@/lib/catalog/listing-params";

export const ADMIN_PRODUCTS_PAGE_SIZE = 50;

export const productStatusFilters = { all: "All", published: "Published", unpublished: "Unpublished" } as const;

export type ProductStatusFilter = keyof typeof productStatusFilters;

/** The admin product list's query: search text, category slug, status and page. */
export type StaffProductFilters = {
  query: string;
  category: string | null;
  status: ProductStatusFilter;
  page: number;
};

type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const statusSchema = z.enum(Object.keys(productStatusFilters) as [ProductStatusFilter, ...ProductStatusFilter[]]).catch("all");
const categorySchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(120)
  .nullable()
  .catch(null);

/**
 * Parses the list's search parameters leniently: an invalid value falls back
 * to "no filter", so a hand-edited URL gets a normal page, never an error.
 */
export function parseStaffProductFilters(raw: RawParams): StaffProductFilters {
  return {
    query: parseSearchQuery(raw),
    category: categorySchema.parse(first(raw.category) || null),
    status: statusSchema.parse(first(raw.status)),
    page: parsePage(raw),
  };
}

/** The filters as URL parameters, without the defaults (for pagination links). */
export function filtersToParams(filters: StaffProductFilters): Record<string, string> {
  return {
    ...(filters.query && { q: filters.query }),
    ...(filters.category && { category: filters.category }),
    ...(filters.status !== "all" && { status: filters.status }),
  };
}
