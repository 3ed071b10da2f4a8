import { createHash, randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { sql } from "./support/database";

function directive(policy: string, name: string): string | undefined {
  return policy
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));
}

test("pages carry the security headers", async ({ request }) => {
  // A personal page (nonce) and a shared catalog page (hashes): the same strict policy otherwise.
  for (const [path, scriptSource] of [
    ["/cart", /'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/],
    ["/", /^script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')+ 'strict-dynamic'$/],
  ] as const) {
    const response = await request.get(path);
    const headers = response.headers();
    const policy = headers["content-security-policy"] ?? "";
    expect(directive(policy, "script-src"), path).toMatch(scriptSource);
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(policy, "base-uri")).toBe("base-uri 'none'");
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d{8,}; includeSubDomains/);
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers["x-powered-by"]).toBeUndefined();
  }
});

test("static files carry the static headers too", async ({ request }) => {
  const headers = (await request.get("/product-placeholder.svg")).headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("a personal page's nonce is fresh on every response and stamped on every script", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const response = await request.get("/search?q=headphones");
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    nonces.add(nonce ?? "");
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(3);
});

test("the page runs under its policy without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") violations.push(message.text());
  });
  await page.goto("/");
  // Client-side navigation proves the framework scripts loaded and hydrated under the CSP.
  await page.getByRole("main").getByRole("link", { name: /^Kitchen/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kitchen" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("an error response never leaks internals", async ({ request }) => {
  const response = await request.get("/products/%E0%A4%A");
  expect(response.status()).toBeLessThan(500);
  const body = await response.text();
  expect(body).not.toMatch(/\bat [\w.<>]+ \(|node_modules|prisma|stack/i);
});

test("a client's X-Request-Id never comes back: the server sets its own, prefetches included", async ({ request }) => {
  const forged = "forged-request-id-from-a-client";
  const variants: Record<string, string>[] = [{}, { "next-router-prefetch": "1", rsc: "1" }];
  for (const headers of variants) {
    const response = await request.get("/", { headers: { "x-request-id": forged, ...headers } });
    expect(response.status()).toBe(200);
    expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  }
});

test("every HTML page carries the CSP, whatever its path ends in", async ({ request }) => {
  for (const [path, headers] of [
    ["/foo.png", {}],
    ["/no-such-logo.svg", {}],
    ["/products/no-such-product.png", {}],
    // Only a real router prefetch (with the RSC header) is answered without HTML.
    ["/", { "next-router-prefetch": "1" }],
  ] as const) {
    const response = await request.get(path, { headers });
    expect(response.headers()["content-type"], path).toContain("text/html");
    expect(directive(response.headers()["content-security-policy"] ?? "", "script-src"), path).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
  }
});

test("the staff set-up page, whose URL carries a token, sends no Referer", async ({ request }) => {
  const response = await request.get("/staff/setup?token=not-a-real-token");
  expect(response.headers()["referrer-policy"]).toBe("no-referrer");
});

/** A signed-in customer's session cookie, arranged in the database (the page under test is not the sign-in). */
async function customerSessionCookie(): Promise<string> {
  const userId = randomUUID();
  const token = randomBytes(32).toString("base64url");
  await sql(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $1 || '@callback.example.test', 'Callback Tester', $2, now())`, [
    userId,
    // No password matches it: this account is only ever signed in through the session below.
    "$argon2id$v=19$m=19456,t=2,p=1$bm8tcGFzc3dvcmQ$bm8tcGFzc3dvcmQtbWF0Y2hlcy10aGlz",
  ]);
  await sql(
    `INSERT INTO "Session" (id, "tokenHash", "userId", persistent, "idleExpiresAt", "absoluteExpiresAt")
     VALUES ($1, $2, $1, false, now() + interval '1 hour', now() + interval '1 day')`,
    [userId, createHash("sha256").update(token).digest("hex")],
  );
  return `shop.session=${token}`;
}

test("a malformed callbackUrl gets the sign-in page or a safe redirect, never an error", async ({ request }) => {
  // Signed out the page shows the form; signed in it redirects to the callbackUrl.
  for (const cookie of ["", await customerSessionCookie()]) {
    for (const path of ["/sign-in?callbackUrl=%", "/sign-in?callbackUrl=%2F%25", "/sign-in?callbackUrl=%2F%E0%A4%A", "/sign-in?callbackUrl=%2F%F0%9F%98%80"]) {
      const response = await request.get(path, { maxRedirects: 0, headers: cookie ? { cookie } : {} });
      expect(response.status(), `${path} ${cookie ? "signed in" : "signed out"}`).toBeLessThan(500);
      const location = response.headers()["location"];
      if (location) expect(() => decodeURI(new URL(location, "http://127.0.0.1").pathname), path).not.toThrow();
    }
  }
});

test("a server-action body over its limit gets 413; only the product editor takes more than 1 MB", async ({ request }) => {
  const post = (path: string, bytes: number) =>
    request.post(path, { headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" }, data: Buffer.alloc(bytes, 0x61) });
  const overOneMegabyte = await post("/account/addresses", 1024 * 1024 + 1);
  expect(overOneMegabyte.status()).toBe(413);
  expect((await post("/admin/products/some-product", 4 * 1024 * 1024)).status()).toBe(413);
  // 2 MB reaches the product editor (an unknown action is then refused by Next, not by size).
  expect((await post("/admin/products/some-product", 2 * 1024 * 1024)).status()).not.toBe(413);
});
