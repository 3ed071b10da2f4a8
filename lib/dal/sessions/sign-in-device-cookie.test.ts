import { afterAll, describe, expect, it } from "vitest";
import { trustedDeviceKey } from "@/lib/auth/device-cookie";
import { hashPassword } from "@/lib/auth/password/hashing";
import { generateToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { completeSecondFactor } from "@/lib/dal/two-factor/second-factor";
import { createSession, findActiveSession } from "./sessions";
import { type SignInInput, type SignInResult, signInWithPassword } from "./sign-in";
import { codeAt, currentStep, enrolThroughRealFlow, freshStep, throttledTestUsers } from "@/lib/dal/two-factor/sign-in-test-fixtures";
import type { RequestContext } from "@/lib/context/request-context";

requireTestDatabaseUrl();

/**
 * Lockout is not a denial of service (OWASP device cookies; NIST 800-63B
 * §3.2.2; ASVS V6.3.1): guesses from unknown clients lock the account for
 * unknown clients only; the browser its owner signed in with before keeps a
 * budget of its own.
 */
const PASSWORD = "correct horse battery staple 42";
const { users, newContext } = throttledTestUsers({ name: "Device Cookie Tester", userAgent: "vitest device cookie" });
const deviceKeys: string[] = [];

afterAll(async () => {
  for (const key of deviceKeys) await db.$executeRaw`DELETE FROM rate_limits WHERE key LIKE ${`%${key}%`}`;
});

function attempt(input: { email: string; password?: string; cookie?: string | null; context?: RequestContext }): Promise<SignInResult> {
  const signIn: SignInInput = {
    email: input.email,
    password: input.password ?? PASSWORD,
    persistent: false,
    deviceId: generateToken(),
    trustedDeviceCookie: input.cookie ?? null,
    previousToken: null,
    context: input.context ?? newContext(),
  };
  return signInWithPassword(signIn);
}

/** Signs in with the right password and returns the device cookie the browser was given. */
async function deviceCookieOf(email: string, previous: string | null = null): Promise<string> {
  const result = await attempt({ email, cookie: previous });
  if (!result.ok || !result.deviceCookie) throw new Error("sign-in gave no device cookie");
  const key = trustedDeviceKey(result.deviceCookie, email);
  if (key) deviceKeys.push(key);
  return result.deviceCookie;
}

/** 100 wrong passwords from 25 addresses, 4 each: under every per-address limit, at the account-wide one. */
async function floodFromManyAddresses(email: string): Promise<void> {
  for (let address = 0; address < 25; address += 1) {
    const context = newContext();
    for (let guess = 0; guess < 4; guess += 1) {
      await expect(attempt({ email, password: `guess ${address}-${guess}`, context })).resolves.toEqual({ ok: false, reason: "invalid" });
    }
  }
}

function tamper(cookie: string, part: 0 | 1 | 2): string {
  const pieces = cookie.split(".");
  const piece = pieces[part] ?? "";
  pieces[part] = `${piece.slice(0, -1)}${piece.endsWith("A") ? "B" : "A"}`;
  return pieces.join(".");
}

describe("sign-in during a distributed guessing attack on the account", () => {
  it("lets the owner in from their known browser while unknown clients stay locked out", { timeout: 180_000 }, async () => {
    const owner = await users.createUser({ passwordHash: await hashPassword(PASSWORD) });
    const other = await users.createUser({ passwordHash: await hashPassword(PASSWORD) });
    const ownersBrowser = await deviceCookieOf(owner.email);
    const othersBrowser = await deviceCookieOf(other.email);

    await floodFromManyAddresses(owner.email);

    // Without the cookie, even the right password from a fresh address is throttled (account-wide lock).
    const untrusted = await attempt({ email: owner.email });
    expect(untrusted).toMatchObject({ ok: false, reason: "throttled" });
    expect(!untrusted.ok && untrusted.reason === "throttled" && untrusted.retryAfterSeconds).toBeGreaterThan(800);

    // Forged cookies and another account's valid cookie earn nothing.
    for (const cookie of [tamper(ownersBrowser, 2), tamper(ownersBrowser, 1), tamper(ownersBrowser, 0), othersBrowser, "garbage"]) {
      await expect(attempt({ email: owner.email, cookie })).resolves.toMatchObject({ ok: false, reason: "throttled" });
    }
    await expect(db.session.count({ where: { userId: owner.id } })).resolves.toBe(1);

    // The owner's browser signs in, and gets a fresh cookie (new nonce) for next time.
    const trusted = await attempt({ email: owner.email, cookie: ownersBrowser });
    if (!trusted.ok) throw new Error(`the owner was refused: ${trusted.reason}`);
    expect(trusted.userId).toBe(owner.id);
    expect(trusted.deviceCookie).not.toBeNull();
    expect(trusted.deviceCookie).not.toBe(ownersBrowser);
    const rotated = trusted.deviceCookie ?? "";
    deviceKeys.push(trustedDeviceKey(rotated, owner.email) ?? "-");
    expect(trustedDeviceKey(rotated, owner.email.toUpperCase())).not.toBeNull();
    expect(trustedDeviceKey(rotated, other.email)).toBeNull();

    // The account is still locked for everyone else.
    await expect(attempt({ email: owner.email })).resolves.toMatchObject({ ok: false, reason: "throttled" });
  });

  it("puts a device cookie that keeps failing on the lockout list, without locking the account for others", async () => {
    const owner = await users.createUser({ passwordHash: await hashPassword(PASSWORD) });
    const cookie = await deviceCookieOf(owner.email);
    const context = newContext();
    for (let guess = 1; guess <= 5; guess += 1) {
      await expect(attempt({ email: owner.email, password: `wrong ${guess}`, cookie, context })).resolves.toEqual({ ok: false, reason: "invalid" });
    }
    const throttled = await db.securityEvent.findMany({ where: { userId: owner.id, type: "sign_in_throttled" } });
    expect(throttled.map((event) => event.details)).toEqual([{ scope: "device", retryAfterSeconds: 60 }]);

    // The locked device is refused even with the right password, from any address.
    await expect(attempt({ email: owner.email, cookie, context })).resolves.toMatchObject({ ok: false, reason: "throttled" });
    await expect(attempt({ email: owner.email, cookie })).resolves.toMatchObject({ ok: false, reason: "throttled" });
    // Its failures were its own: a client without the cookie is not locked out.
    await expect(attempt({ email: owner.email, context })).resolves.toMatchObject({ ok: true });
  });

  it("gives the device cookie only once the second factor is proven", async () => {
    const user = await users.createUser({ passwordHash: await hashPassword(PASSWORD) });
    const { token } = await db.$transaction((tx) =>
      createSession(tx, { userId: user.id, audience: "customer", persistent: false, context: newContext() }),
    );
    const viewer = await findActiveSession(token);
    if (!viewer) throw new Error("no session");
    const { secret } = await enrolThroughRealFlow(viewer, newContext());

    const password = await attempt({ email: user.email });
    if (!password.ok) throw new Error(`password step failed: ${password.reason}`);
    expect(password.deviceCookie).toBeNull();
    const pending = await findActiveSession(password.token);
    if (!pending?.secondFactorPending) throw new Error("expected a pending session");

    await freshStep();
    const code = codeAt(secret, currentStep());
    const completed = await completeSecondFactor(pending, { method: "totp", code, deviceId: generateToken(), context: newContext() });
    if (!completed.ok) throw new Error(`second factor refused: ${completed.reason}`);
    const key = trustedDeviceKey(completed.deviceCookie, user.email);
    expect(key).not.toBeNull();
    deviceKeys.push(key ?? "-");
  });
});
