import { describe, expect, it } from "vitest";
import { catalogRequest, isAffectedByProduct } from "./catalog-routes";

const keyOf = (url: string, method = "GET", headers: Record<string, string> = {}) => catalogRequest(method, url, headers);

describe("catalogRequest", () => {
  it("keeps the home page, categories and products under their path", () => {
    expect(keyOf("/")).toEqual({ path: "/", key: "/" });
    expect(keyOf("/category/audio")).toEqual({ path: "/category/audio", key: "/category/audio" });
    expect(keyOf("/products/studio-over-ear-headphones", "HEAD")).toEqual({
      path: "/products/studio-over-ear-headphones",
      key: "/products/studio-over-ear-headphones",
    });
  });

  it("gives a listing's page and sort one key, defaults left out", () => {
    expect(keyOf("/category/audio?sort=name&page=2")?.key).toBe("/category/audio?page=2&sort=name");
    expect(keyOf("/category/audio?page=2&sort=name")?.key).toBe("/category/audio?page=2&sort=name");
    expect(keyOf("/category/audio?page=1&sort=featured")?.key).toBe("/category/audio");
  });

  it("renders but never keeps made-up queries, so they cannot fill the cache", () => {
    for (const url of ["/?notice=signed-out", "/category/audio?page=0", "/category/audio?page=99999", "/category/audio?sort=evil", "/category/audio?x=1", "/category/audio?page=2&page=3", "/products/mug?utm=1"]) {
      expect(keyOf(url), url).toEqual({ path: new URL(url, "http://x").pathname, key: null });
    }
  });

  it("leaves personal pages, other methods and the router's own requests to Next", () => {
    for (const url of ["/cart", "/account", "/search?q=mug", "/admin/products", "/products/Mug", "/products/mug/", "/category/", "/products/a/b"]) {
      expect(keyOf(url), url).toBeNull();
    }
    expect(keyOf("/", "POST")).toBeNull();
    expect(keyOf("/products/mug", "GET", { rsc: "1" })).toBeNull();
    expect(keyOf("/products/mug", "GET", { "next-action": "abc" })).toBeNull();
    expect(keyOf("/products/mug", "GET", { "next-router-prefetch": "1" })).toBeNull();
  });
});

describe("isAffectedByProduct", () => {
  it("names the product's own page and every listing, not other products", () => {
    expect(isAffectedByProduct("/products/mug", "mug")).toBe(true);
    expect(isAffectedByProduct("/", "mug")).toBe(true);
    expect(isAffectedByProduct("/category/kitchen?page=2", "mug")).toBe(true);
    expect(isAffectedByProduct("/products/mugs", "mug")).toBe(false);
  });
});
