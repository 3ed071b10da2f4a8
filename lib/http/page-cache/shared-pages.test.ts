import { createHash } from "node:crypto";
import { createServer, get, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createShopRequestListener } from "../shop-request-listener";
import { SharedPages } from "./shared-pages";

// A real server around the listener with the page cache; the stand-in for Next renders a page
// that shows whether it was rendered shared and how many times, and sets a visitor cookie.
const script = "self.__boot=1";
const seen: IncomingHttpHeaders[] = [];
let renders = 0;
let usable = true;
let server: Server;
let base: string;
let pages: SharedPages;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pages = new SharedPages({ origin: base, maxBytes: 1 << 20, maxAgeMs: 60_000, rebuildConcurrency: 1, cacheUsable: () => usable, assetDigest: () => null });
  server.on(
    "request",
    createShopRequestListener(
      async (request, response) => {
        seen.push({ ...request.headers });
        renders += 1;
        const shared = request.headers["x-shop-render"] === "shared";
        response.setHeader("content-type", "text/html; charset=utf-8");
        response.setHeader("set-cookie", "visitor=abc");
        response.setHeader("content-security-policy", "script-src 'none'");
        response.statusCode = request.url?.startsWith("/products/missing") ? 404 : 200;
        response.end(`<html><body data-shared="${shared}" data-render="${renders}"><script>${script}</script></body></html>`);
      },
      undefined,
      pages,
    ),
  );
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Each test asks for its own paths; background rebuilds of earlier tests' pages finish first.
beforeEach(async () => {
  while (pages.cache.stats().pendingRebuilds > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  seen.length = 0;
  usable = true;
});

const sha = (text: string) => createHash("sha256").update(text).digest("base64");

describe("the catalog's shared pages", () => {
  it("renders a catalog page without the visitor's cookies, marked shared, and sends it with its own hashed policy", async () => {
    const response = await fetch(`${base}/products/mug`, { headers: { cookie: "session=secret" } });
    const body = await response.text();
    expect(body).toContain('data-shared="true"');
    expect(seen.every((headers) => headers.cookie === undefined)).toBe(true);
    expect(response.headers.get("content-security-policy")).toContain(`'sha256-${sha(script)}' 'strict-dynamic'`);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
  });

  it("sends every visitor the same page and header until the catalog changes", async () => {
    const first = await fetch(`${base}/products/lamp`);
    const firstBody = await first.text();
    const second = await fetch(`${base}/products/lamp`, { headers: { cookie: "session=other" } });
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get("content-security-policy")).toBe(first.headers.get("content-security-policy"));
    expect(seen).toHaveLength(1);
    pages.cache.invalidate((key) => key === "/products/lamp");
    const after = await (await fetch(`${base}/products/lamp`)).text();
    expect(after).not.toBe(firstBody);
    expect(seen).toHaveLength(2);
  });

  it("answers a revalidation with 304 and a gzip-accepting visitor with gzip", async () => {
    const first = await fetch(`${base}/category/kitchen`);
    const etag = first.headers.get("etag") ?? "";
    expect((await fetch(`${base}/category/kitchen`, { headers: { "if-none-match": etag } })).status).toBe(304);
    const raw = await new Promise<Buffer>((resolve) => {
      get(`${base}/category/kitchen`, { headers: { "accept-encoding": "gzip" } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve(Buffer.concat(chunks)));
      });
    });
    expect(gunzipSync(raw).toString()).toBe(await first.text());
  });

  it("ignores a visitor's forged shared-render header on a personal page", async () => {
    await fetch(`${base}/account`, { headers: { "x-shop-render": "shared", "x-shop-internal-render": "guess" } });
    expect(seen[0]?.["x-shop-render"]).toBeUndefined();
    expect(seen[0]?.["x-shop-internal-render"]).toBeUndefined();
  });

  it("passes router requests and actions on catalog paths to Next with the visitor's cookies", async () => {
    await fetch(`${base}/products/desk`, { headers: { rsc: "1", cookie: "session=secret" } });
    expect(seen[0]?.cookie).toBe("session=secret");
    expect(seen[0]?.["x-shop-render"]).toBeUndefined();
  });

  it("renders a missing product, or a made-up query, per request without keeping it", async () => {
    await fetch(`${base}/products/missing`);
    const missing = await fetch(`${base}/products/missing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-security-policy")).toContain("'strict-dynamic'");
    await fetch(`${base}/?utm=1`);
    await fetch(`${base}/?utm=1`);
    expect(seen).toHaveLength(4);
  });

  it("renders per request while changes cannot be heard", async () => {
    usable = false;
    await fetch(`${base}/category/garden`);
    await fetch(`${base}/category/garden`);
    expect(seen).toHaveLength(2);
  });
});
