import { describe, expect, it } from "vitest";
import { z } from "zod";
import { auditFiltersFrom } from "@/app/admin/audit/filters";
import { AUTH_NOTICE_KEYS } from "@/components/auth/notice";
import { endOfDay, parseSearchParams, searchChoice, searchDay, searchText, searchValue, startOfDay } from "./search-params";

const schema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  sort: z.enum(["name", "price"]).default("name"),
  q: searchText(10),
  from: searchDay,
  strict: z.string().regex(/^[a-z]+$/).optional(),
});

describe("parseSearchParams", () => {
  it("parses valid values", () => {
    expect(parseSearchParams(schema, { page: "3", sort: "price", q: " lamp ", from: "2026-01-31", strict: "abc" })).toEqual({
      page: 3,
      sort: "price",
      q: "lamp",
      from: "2026-01-31",
      strict: "abc",
    });
  });

  it("gives the defaults when nothing is given", () => {
    expect(parseSearchParams(schema, {})).toEqual({ page: 1, sort: "name", q: undefined, from: undefined, strict: undefined });
  });

  it("falls back per field on invalid input instead of throwing", () => {
    const parsed = parseSearchParams(schema, { page: "-4", sort: "<script>", q: "x".repeat(50), from: "2026-02-31x", strict: "ABC" });
    expect(parsed).toEqual({ page: 1, sort: "name", q: "x".repeat(10), from: undefined, strict: undefined });
  });

  it("reads the first value of a repeated key", () => {
    expect(parseSearchParams(schema, { page: ["2", "9"], sort: ["price", "name"] })).toMatchObject({ page: 2, sort: "price" });
    expect(parseSearchParams(schema, { page: [] })).toMatchObject({ page: 1 });
  });

  it("ignores unknown keys and inherited property names", () => {
    const raw = JSON.parse('{"__proto__": "1", "constructor": "x", "toString": "y"}') as Record<string, string>;
    expect(parseSearchParams(schema, raw)).toEqual(parseSearchParams(schema, {}));
    expect(Object.keys(parseSearchParams(schema, { other: "1" }))).toEqual(["page", "sort", "q", "from", "strict"]);
  });

  it("reads URLSearchParams turned into an object (route handlers)", () => {
    const params = Object.fromEntries(new URLSearchParams("page=5&sort=price&page=6"));
    expect(parseSearchParams(schema, params)).toMatchObject({ page: 6, sort: "price" });
  });
});

describe("a page's notice and choice parameters", () => {
  const notices = z.object({ notice: searchChoice(["shipped", "cancelled"]), token: searchValue });

  it("keep a known value and ignore any other, including inherited property names", () => {
    expect(parseSearchParams(notices, { notice: "shipped", token: "abc" })).toEqual({ notice: "shipped", token: "abc" });
    for (const unknown of ["refunded", "constructor", "toString", "__proto__", "", "SHIPPED"]) {
      expect(parseSearchParams(notices, { notice: unknown })).toEqual({ notice: undefined, token: undefined });
    }
  });

  it("read the first of a repeated value, as every other parameter", () => {
    expect(parseSearchParams(notices, { notice: ["cancelled", "shipped"], token: ["first", "second"] })).toEqual({ notice: "cancelled", token: "first" });
  });

  it("offer exactly the sign-in notices the notice component can show", () => {
    const signIn = z.object({ notice: searchChoice(AUTH_NOTICE_KEYS) });
    for (const key of AUTH_NOTICE_KEYS) expect(parseSearchParams(signIn, { notice: key }).notice).toBe(key);
    expect(parseSearchParams(signIn, { notice: "hasOwnProperty" }).notice).toBeUndefined();
  });
});

describe("day bounds", () => {
  it("cover the whole UTC day", () => {
    expect(startOfDay("2026-03-01").toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(endOfDay("2026-03-01").toISOString()).toBe("2026-03-02T00:00:00.000Z");
  });
});

describe("audit log filters", () => {
  it("keep valid filters and drop invalid ones without an error", () => {
    expect(auditFiltersFrom({ actor: " a@b.example ", action: "order.refunded", targetType: "Order!", from: "2026-13-01", to: ["2026-03-01", "x"] })).toEqual({
      actorEmail: "a@b.example",
      action: "order.refunded",
      targetType: undefined,
      targetId: undefined,
      from: undefined,
      to: new Date("2026-03-02T00:00:00Z"),
    });
  });
});
