import { z } from "zod";

/**
 * Query parameters of catalog listings, parsed leniently: a value that is not
 * valid falls back to its default or is clamped into range, so a hand-edited or
 * hostile URL (`?page=-1&sort=<script>`) gets a normal page, never a 500.
 */
export const PAGE_SIZE = 12;
export const MAX_PAGE = 500;
export const MAX_QUERY_LENGTH = 100;

export const sortOptions = {
  featured: "Featured",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  name: "Name",
  newest: "Newest",
} as const;

export type SortOption = keyof typeof sortOptions;

// Number.isInteger, not .int(): zod's int() rejects integers beyond 2^53, which would send a huge page to page 1.
const pageSchema = z.coerce
  .number()
  .refine(Number.isInteger)
  .catch(1)
  .transform((page) => Math.min(Math.max(page, 1), MAX_PAGE));
const sortSchema = z.enum(Object.keys(sortOptions) as [SortOption, ...SortOption[]]).catch("featured");
/** The search text: trimmed, whitespace collapsed, control characters removed, bounded. */
const searchQuerySchema = z
  .string()
  .catch("")
  .transform((text) =>
    text
      .replace(/[\p{Cc}\p{Cf}]/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, MAX_QUERY_LENGTH),
  );

/** A listing's page (1…MAX_PAGE), sort and search text; read with `parseSearchParams`. */
export const listingParamsSchema = z.object({ page: pageSchema, sort: sortSchema, q: searchQuerySchema });

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL slug, or null when it cannot name anything (the page then answers 404). */
export function parseSlug(value: string): string | null {
  return value.length <= 120 && slugPattern.test(value) ? value : null;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}
