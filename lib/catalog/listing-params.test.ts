import { describe, expect, it } from "vitest";
import {
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  PAGE_SIZE,
  listingParamsSchema,
  pageCount,
  parseSlug,
  sortOptions,
  type SortOption,
} from "./listing-params";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";

const listing = (raw: RawSearchParams) => parseSearchParams(listingParamsSchema, raw);

describe("listing page", () => {
  it.each<[string | string[] | undefined, number]>([
    [undefined, 1],
    ["-1", 1],
    ["0", 1],
    ["1", 1],
    ["2", 2],
    ["abc", 1],
    ["2.5", 1],
    ["", 1],
    ["1e9", MAX_PAGE],
    ["999999999999999999999", MAX_PAGE],
    [String(MAX_PAGE), MAX_PAGE],
    [String(MAX_PAGE + 1), MAX_PAGE],
    [["3", "4"], 3],
  ])("page=%j → %d", (page, expected) => {
    expect(listing({ page }).page).toBe(expected);
  });

  it("ignores other parameters", () => {
    expect(listing({ sort: "7", q: "3" }).page).toBe(1);
  });
});

describe("listing sort", () => {
  it("passes every valid sort option through", () => {
    for (const sort of Object.keys(sortOptions) as SortOption[]) {
      expect(listing({ sort }).sort).toBe(sort);
    }
  });

  it.each<[string | string[] | undefined, SortOption]>([
    [undefined, "featured"],
    ["<script>", "featured"],
    ["PRICE-ASC", "featured"],
    ["toString", "featured"],
    ["__proto__", "featured"],
    [["price-desc", "name"], "price-desc"],
    [["<script>", "name"], "featured"],
  ])("sort=%j → %s", (sort, expected) => {
    expect(listing({ sort }).sort).toBe(expected);
  });
});

describe("listing search text (q)", () => {
  it("returns an empty string when q is missing", () => {
    expect(listing({}).q).toBe("");
  });

  it("trims and collapses whitespace", () => {
    expect(listing({ q: "  studio \t\n  headphones  " }).q).toBe("studio headphones");
  });

  it("strips control and format characters", () => {
    expect(listing({ q: "head\u0000phones" }).q).toBe("head phones");
    expect(listing({ q: "\u202eenohp\u202c" }).q).toBe("enohp");
    expect(listing({ q: "a\u200bb\u0007c\u001bd" }).q).toBe("a b c d");
    expect(listing({ q: "kettle\u0000" }).q).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e]/);
  });

  it("keeps ordinary non-ASCII letters", () => {
    expect(listing({ q: "café  ÜBER" }).q).toBe("café ÜBER");
  });

  it("truncates to MAX_QUERY_LENGTH", () => {
    const query = listing({ q: "x".repeat(MAX_QUERY_LENGTH * 3) }).q;
    expect(query).toHaveLength(MAX_QUERY_LENGTH);
  });

  it("truncates after collapsing whitespace", () => {
    const query = listing({ q: `${" ".repeat(200)}${"y".repeat(MAX_QUERY_LENGTH)}` }).q;
    expect(query).toBe("y".repeat(MAX_QUERY_LENGTH));
  });

  it("uses the first value of an array", () => {
    expect(listing({ q: [" lamp ", "chair"] }).q).toBe("lamp");
  });
});

describe("parseSlug", () => {
  it.each(["studio-over-ear-headphones", "a", "trail-backpack-30l", "x".repeat(120)])("accepts %j", (slug) => {
    expect(parseSlug(slug)).toBe(slug);
  });

  it.each([
    "../etc",
    "Upper",
    "a--b",
    "",
    "-a",
    "a-",
    "a/b",
    "a b",
    "%2e%2e",
    "a_b",
    "a\u0000b",
    "a".repeat(121),
    "a".repeat(200),
  ])("rejects %j", (slug) => {
    expect(parseSlug(slug)).toBeNull();
  });
});

describe("pageCount", () => {
  it("has a page size of 12", () => {
    expect(PAGE_SIZE).toBe(12);
  });

  it.each([
    [0, 1],
    [1, 1],
    [12, 1],
    [13, 2],
    [24, 2],
    [25, 3],
  ])("pageCount(%d) = %d", (total, pages) => {
    expect(pageCount(total)).toBe(pages);
  });
});
