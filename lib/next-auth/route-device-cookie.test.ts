import { NextRequest } from "next/server";
import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { env } from "@/lib/env";
import { handleAuthPost } from "./route";
import { issueDeviceCookie, trustedDeviceKey } from "@/lib/auth/device-cookie";
import { currentDeviceId, offerDeviceCookie } from "@/lib/auth/device-context";
import { accountKey, ipKey } from "@/lib/auth/rate-limit/keys";
import { recordSignInFailure } from "@/lib/auth/rate-limit/sign-in-throttle";
import { closeLimiterStore, defaultLimiterStore } from "@/lib/auth/rate-limit/store";
import { randomEmail, randomIp } from "@/lib/auth/rate-limit/test-support";
import { cookieNames, DEVICE_COOKIE_MAX_AGE_SECONDS } from "@/lib/auth/session/cookies";

/**
 * The sign-in endpoint's own throttle check (before next-auth runs) honours
 * the device cookie: during an attack on the account, the owner's browser
 * reaches the password check, other clients get 429.
 */
const pool = new Pool({ connectionString: requireTestDatabaseUrl(), max: 1 });
const email = randomEmail().trim().toLowerCase();
const attackers = Array.from({ length: 25 }, () => randomIp());
const ownerIp = randomIp();
const ownersCookie = issueDeviceCookie(null, email);
const ISSUED = issueDeviceCookie(null, email);

afterAll(async () => {
  const keys = [accountKey(email), trustedDeviceKey(ownersCookie, email) ?? "-", ...[...attackers, ownerIp].map((ip) => ipKey(ip) ?? "-")];
  for (const key of keys) await pool.query("DELETE FROM rate_limits WHERE key LIKE $1", [`%${key}%`]);
  await pool.end();
  await closeLimiterStore(defaultLimiterStore());
});

function signInRequest(cookie: string | null): NextRequest {
  const headers = new Headers({
    "content-type": "application/x-www-form-urlencoded",
    origin: new URL(env.SITE_URL).origin,
    "x-forwarded-for": ownerIp,
  });
  if (cookie) headers.set("cookie", `${cookieNames.trustedDevice}=${cookie}`);
  const body = new URLSearchParams({ email, password: "the right one" }).toString();
  return new NextRequest(`${env.SITE_URL}/api/auth/callback/credentials`, { method: "POST", headers, body });
}

/** Stands in for next-auth: records that the password check was reached and issues a device cookie as authorize() does. */
function fakeNextAuth(reached: string[]) {
  return async () => {
    reached.push(currentDeviceId() ?? "");
    offerDeviceCookie(ISSUED);
    return Response.json({ url: `${env.SITE_URL}/` });
  };
}

describe("the sign-in endpoint during a distributed attack on one account", () => {
  it("answers 429 to clients without the account's device cookie and lets its owner's browser through", { timeout: 60_000 }, async () => {
    for (const ip of attackers) for (let i = 0; i < 4; i += 1) await recordSignInFailure({ email, ip });
    const context = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };

    const reached: string[] = [];
    for (const cookie of [null, issueDeviceCookie(null, "someone.else@example.test"), `${ownersCookie.slice(0, -2)}xx`]) {
      const refused = await handleAuthPost(signInRequest(cookie), context, fakeNextAuth(reached));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(800);
    }
    expect(reached).toHaveLength(0);

    const response = await handleAuthPost(signInRequest(ownersCookie), context, fakeNextAuth(reached));
    expect(response.status).toBe(200);
    expect(reached).toHaveLength(1);
    const setCookie = response.headers.getSetCookie().find((line) => line.startsWith(`${cookieNames.trustedDevice}=`));
    expect(setCookie).toBe(
      `${cookieNames.trustedDevice}=${ISSUED}; Path=/; Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Strict${env.SITE_URL.startsWith("https://") ? "; Secure" : ""}`,
    );
  });
});
