import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_BODY_LIMIT_BYTES, DEFAULT_BODY_LIMIT_BYTES, IMAGE_UPLOAD_BODY_LIMIT_BYTES } from "./body-limits";
import { createShopRequestListener, type HandlerFailure } from "./shop-request-listener";

// A real node:http server around the listener; the stand-in for Next records what it was handed.
const seen: Array<{ headers: IncomingHttpHeaders; bodyBytes: number }> = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(
    createShopRequestListener(async (request, response) => {
      let bodyBytes = 0;
      for await (const chunk of request) bodyBytes += (chunk as Buffer).byteLength;
      seen.push({ headers: { ...request.headers }, bodyBytes });
      response.end("handled");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const forged = "forged-request-id-0000";

describe("the shop's HTTP server: request ids", () => {
  it.each([
    ["a page request", {}],
    ["a router prefetch, which proxy.ts skips", { "next-router-prefetch": "1", rsc: "1" }],
  ])("replaces a client's X-Request-Id on %s", async (_label, extra) => {
    seen.length = 0;
    const response = await fetch(`${base}/`, { headers: { "x-request-id": forged, ...extra } });
    expect(await response.text()).toBe("handled");
    const handed = seen[0]?.headers["x-request-id"];
    expect(handed).toMatch(/^[0-9a-f-]{36}$/);
    expect(handed).not.toBe(forged);
    expect(response.headers.get("x-request-id")).toBe(handed);
  });

  it("gives every request its own id", async () => {
    const ids = await Promise.all([1, 2, 3].map(async () => (await fetch(`${base}/`)).headers.get("x-request-id")));
    expect(new Set(ids).size).toBe(3);
  });
});

describe("the shop's HTTP server: body limits", () => {
  const post = (path: string, bytes: number, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: "POST", headers: { "next-action": "abc123", ...headers }, body: new Uint8Array(bytes) });

  it("refuses a server-action body over 1 MB with 413, before it reaches Next", async () => {
    seen.length = 0;
    const response = await post("/account/addresses", DEFAULT_BODY_LIMIT_BYTES + 1);
    expect(response.status).toBe(413);
    expect(await response.text()).toBe("Request body too large");
    expect(seen).toHaveLength(0);
  });

  it("holds the app's API and OAuth forms to 16 KB, refused as problem details before Next", async () => {
    seen.length = 0;
    for (const path of ["/api/v1/cart/items", "/oauth/token", "/oauth/revoke"]) {
      const response = await post(path, API_BODY_LIMIT_BYTES + 1, { "content-type": "application/json" });
      expect(response.status).toBe(413);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(((await response.json()) as { type: string }).type).toBe("urn:shop:problem:payload-too-large");
    }
    expect(seen).toHaveLength(0);
    expect((await post("/api/v1/cart/items", API_BODY_LIMIT_BYTES)).status).toBe(200);
  });

  it("lets a body of exactly 1 MB through", async () => {
    seen.length = 0;
    const response = await post("/account/addresses", DEFAULT_BODY_LIMIT_BYTES);
    expect(response.status).toBe(200);
    expect(seen[0]?.bodyBytes).toBe(DEFAULT_BODY_LIMIT_BYTES);
  });

  it("lets the product editor (the image upload) take up to its larger limit, and no more", async () => {
    expect((await post("/admin/products/cm0abc123", 2 * 1024 * 1024)).status).toBe(200);
    expect((await post("/admin/products/cm0abc123", IMAGE_UPLOAD_BODY_LIMIT_BYTES + 1)).status).toBe(413);
    // Only that page: the rest of the admin keeps the 1 MB limit.
    expect((await post("/admin/products", 2 * 1024 * 1024)).status).toBe(413);
    expect((await post("/admin/products/cm0abc123/extra", 2 * 1024 * 1024)).status).toBe(413);
  });

  it("refuses a streamed body that declares no length", async () => {
    seen.length = 0;
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
        controller.close();
      },
    });
    const response = await fetch(`${base}/account`, { method: "POST", body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(411);
    expect(seen).toHaveLength(0);
  });
});

describe("the shop's HTTP server: a failing handler", () => {
  const failures: HandlerFailure[] = [];
  let failing: Server;
  let failingBase: string;

  beforeAll(async () => {
    // Stands in for a Next handler that fails: before answering, synchronously, or halfway through a page.
    const handle = (request: IncomingMessage, response: ServerResponse): Promise<unknown> => {
      if (request.url === "/throws") throw new Error("thrown before any promise");
      if (request.url === "/halfway") {
        response.writeHead(200, { "content-type": "text/html" });
        response.write("<html><body>half a page");
        return new Promise((_resolve, reject) => setTimeout(() => reject(new Error("failed mid-page")), 50));
      }
      return Promise.reject(new Error("render failed"));
    };
    failing = createServer(createShopRequestListener(handle, (failure) => failures.push(failure)));
    await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
    failingBase = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => failing.close(() => resolve())));

  it.each([
    ["rejects", "/products/lamp"],
    ["throws synchronously", "/throws"],
  ])("answers 500 and reports the error with the request id when the handler %s", async (_label, path) => {
    failures.length = 0;
    const response = await fetch(`${failingBase}${path}`, { signal: AbortSignal.timeout(5000) });
    expect(response.status).toBe(500);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("Internal Server Error");
    expect(failures).toHaveLength(1);
    expect(failures[0]?.requestId).toBe(response.headers.get("x-request-id"));
    expect(failures[0]).toMatchObject({ method: "GET", path });
    expect(failures[0]?.error).toBeInstanceOf(Error);
  });

  it("cuts the connection when the handler fails after the status was sent", async () => {
    failures.length = 0;
    const response = await fetch(`${failingBase}/halfway`, { signal: AbortSignal.timeout(5000) });
    expect(response.status).toBe(200);
    // The client sees a broken response, not a truncated page passed off as complete.
    await expect(response.text()).rejects.toThrow();
    expect(failures.map((failure) => (failure.error as Error).message)).toEqual(["failed mid-page"]);
  });
});
