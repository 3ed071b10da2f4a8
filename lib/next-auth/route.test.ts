import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken, hashToken } from "@/lib/crypto/tokens";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { withSessionCookieRules } from "./route";
import { cookieNames, DEVICE_COOKIE_MAX_AGE_SECONDS, secureCookies } from "@/lib/auth/session/cookies";

// This layer may not import Prisma (ESLint), so rows are arranged with plain SQL.
const pool = new Pool({ connectionString: requireTestDatabaseUrl(), max: 2 });
const userId = `auth-route-test-${randomBytes(8).toString("hex")}`;
const browserToken = generateToken();
const rememberedToken = generateToken();

const EXPIRES = "Expires=Sat, 21 Nov 2026 12:00:00 GMT";
const MAX_AGE = "Max-Age=2592000";

beforeAll(async () => {
  await pool.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, 'Cookie Tester', '$argon2id$x', now())`,
    [userId, `dal-test-${randomBytes(8).toString("hex")}@example.test`],
  );
  for (const [token, persistent] of [
    [browserToken, false],
    [rememberedToken, true],
  ] as const) {
    await pool.query(
      `INSERT INTO "Session" (id, "tokenHash", "userId", persistent, "idleExpiresAt", "absoluteExpiresAt")
       VALUES ($1, $2, $3, $4, now() + interval '1 hour', now() + interval '1 day')`,
      [`${userId}-${persistent ? "remembered" : "browser"}`, hashToken(token), userId, persistent],
    );
  }
});

afterAll(async () => {
  await pool.query(`DELETE FROM "User" WHERE id = $1`, [userId]);
  await pool.end();
});

function sessionCookie(token: string): string {
  return `${cookieNames.session}=${token}; Path=/; ${EXPIRES}; ${MAX_AGE}; HttpOnly; SameSite=Lax`;
}

function responseWith(cookies: string[], init: ResponseInit = {}, body: string | null = null): Response {
  const headers = new Headers(init.headers);
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(body, { ...init, headers });
}

function hasExpiry(cookie: string | undefined): boolean {
  return /;\s*(expires|max-age)=/i.test(cookie ?? "");
}

describe("withSessionCookieRules", () => {
  it("turns a browser session's cookie into a cookie without Expires or Max-Age", async () => {
    const response = await withSessionCookieRules(responseWith([sessionCookie(browserToken)]));
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(hasExpiry(cookies[0])).toBe(false);
    expect(cookies[0]).toBe(`${cookieNames.session}=${browserToken}; Path=/; HttpOnly; SameSite=Lax`);
  });

  it("strips expiry attributes whatever their case or order", async () => {
    const cookie = `${cookieNames.session}=${browserToken}; max-age=100; Path=/; HttpOnly; expires=Sat, 21 Nov 2026 12:00:00 GMT; SameSite=Lax`;
    const [rewritten] = (await withSessionCookieRules(responseWith([cookie]))).headers.getSetCookie();
    expect(hasExpiry(rewritten)).toBe(false);
    expect(rewritten).toContain("HttpOnly");
    expect(rewritten).toContain("SameSite=Lax");
  });

  it("keeps Expires and Max-Age for a Remember me session", async () => {
    const cookie = sessionCookie(rememberedToken);
    const [kept] = (await withSessionCookieRules(responseWith([cookie]))).headers.getSetCookie();
    expect(kept).toBe(cookie);
  });

  it("treats an unknown or malformed token as a browser session", async () => {
    for (const token of [generateToken(), "not-a-token"]) {
      const [rewritten] = (await withSessionCookieRules(responseWith([sessionCookie(token)]))).headers.getSetCookie();
      expect(hasExpiry(rewritten)).toBe(false);
    }
  });

  it("leaves other cookies untouched, including look-alike names", async () => {
    const csrf = `${cookieNames.csrf}=abc%7Cdef; Path=/; ${MAX_AGE}; HttpOnly; SameSite=Lax`;
    const callback = `${cookieNames.callbackUrl}=%2Faccount; Path=/; ${EXPIRES}; HttpOnly; SameSite=Lax`;
    const lookAlike = `${cookieNames.session}-extra=${browserToken}; Path=/; ${MAX_AGE}`;
    const cookies = [csrf, sessionCookie(browserToken), callback, lookAlike];
    const rewritten = (await withSessionCookieRules(responseWith(cookies))).headers.getSetCookie();
    expect(rewritten).toHaveLength(4);
    expect(rewritten).toContain(csrf);
    expect(rewritten).toContain(callback);
    expect(rewritten).toContain(lookAlike);
    expect(rewritten).toContain(`${cookieNames.session}=${browserToken}; Path=/; HttpOnly; SameSite=Lax`);
  });

  it("keeps the status, body and other headers", async () => {
    const response = await withSessionCookieRules(
      responseWith([sessionCookie(browserToken)], { status: 302, headers: { location: "/account", "x-extra": "1" } }, "moved"),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/account");
    expect(response.headers.get("x-extra")).toBe("1");
    await expect(response.text()).resolves.toBe("moved");
  });

  it("returns the response as is when there is nothing to do", async () => {
    const original = new Response("ok", { headers: { "x-extra": "1" } });
    await expect(withSessionCookieRules(original)).resolves.toBe(original);
  });

  it("adds an HttpOnly, SameSite=Lax device cookie with a Max-Age for a new device", async () => {
    const deviceId = generateToken();
    const response = await withSessionCookieRules(responseWith([sessionCookie(rememberedToken)]), deviceId);
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    expect(cookies).toContain(sessionCookie(rememberedToken));
    const device = cookies.find((cookie) => cookie.startsWith(`${cookieNames.device}=`));
    expect(device).toBeDefined();
    const attributes = (device ?? "").split(";").map((part) => part.trim());
    expect(attributes[0]).toBe(`${cookieNames.device}=${deviceId}`);
    expect(attributes).toContain("HttpOnly");
    expect(attributes).toContain("SameSite=Lax");
    expect(attributes).toContain("Path=/");
    expect(attributes).toContain(`Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}`);
    expect(attributes.includes("Secure")).toBe(secureCookies);
  });

  it("adds the device cookie even to a response without cookies", async () => {
    const deviceId = generateToken();
    const response = await withSessionCookieRules(new Response(null, { status: 200 }), deviceId);
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(new RegExp(`^${cookieNames.device.replace(/[.]/g, "\\.")}=${deviceId};`));
  });

  it("still deletes the session cookie when next-auth clears it (sign-out)", async () => {
    // next-auth's SessionStore.clean() sends the cookie with an empty value and maxAge 0, serialized so.
    const deletion = `${cookieNames.session}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax`;
    const [rewritten] = (await withSessionCookieRules(responseWith([deletion]))).headers.getSetCookie();
    // Without Max-Age=0 / a past Expires, the browser would keep an (empty) session cookie instead of deleting it.
    expect(rewritten).toMatch(/;\s*Max-Age=0(;|$)/i);
  });
});
