import { randomBytes } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";

/*
 * Lockdown mode refuses checkout, payment starts and sign-ups on the server:
 * here each server action is called directly (as a forged POST would), with
 * its anti-CSRF token, and must answer with the lockdown message and change
 * nothing. The switch itself is replaced (lib/dal/lockdown/state's check),
 * so turning it on here cannot close checkout for other suites sharing the
 * database; lib/dal/incident/lockdown.test.ts tests the stored switch.
 */
const request = vi.hoisted(() => ({ jar: new Map<string, string>(), session: null as unknown, locked: false }));

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.jar.has(name) ? { name, value: request.jar.get(name)! } : undefined),
    set: (name: string, value: string) => void request.jar.set(name, value),
    delete: (name: string) => void request.jar.delete(name),
  }),
  headers: async () => new Headers({ "user-agent": "vitest lockdown", "x-forwarded-for": "192.0.2.90" }),
}));
vi.mock("@/lib/guards/current-session", () => ({
  requireSession: vi.fn(async () => {
    if (!request.session) throw new Error("NEXT_REDIRECT /sign-in");
    return request.session;
  }),
  getCurrentSession: vi.fn(async () => request.session),
}));
vi.mock("@/lib/auth/rate-limit/action-limits", () => ({ limitAction: vi.fn(async () => ({ allowed: true, retryAfterSeconds: 0, scope: "account" })) }));
vi.mock("@/lib/payment-gateway/payment-gateway", () => ({
  paymentGateway: () => ({ name: "test", createCheckout: () => Promise.reject(new Error("must not be reached during lockdown")) }),
}));
vi.mock("@/lib/dal/lockdown/state", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/dal/lockdown/state")>();
  return {
    ...real,
    assertShopOpen: async () => {
      if (request.locked) throw new real.ShopLockedDownError();
    },
  };
});

requireTestDatabaseUrl();

const { csrfCookiesToIssue, csrfCookies } = await import("@/lib/auth/csrf/csrf-cookies");
const { CSRF_FIELD } = await import("@/lib/auth/csrf/csrf-names");
const { LOCKDOWN_MESSAGE } = await import("@/lib/dal/lockdown/state");
const { signUpAction } = await import("@/lib/actions/sign-up");
const { placeOrderAction } = await import("@/lib/actions/checkout/place-order");
const { placeGuestOrderAction } = await import("@/lib/actions/checkout/place-guest-order");
const { payOrderAction } = await import("@/lib/actions/checkout/pay-order");
const { createSession, findActiveSession } = await import("@/lib/dal/sessions/sessions");
const { testUsers } = await import("@/lib/dal/test-users");

const users = testUsers({ defaults: { name: "Lockdown Shopper" } });
const idle = { status: "idle" } as const;
const address = { recipientName: "Lee Lockdown", line1: "1 Paused Street", city: "Haltville", postalCode: "10115", country: "DE", shippingRateId: "standard" };

function form(fields: Record<string, string>): FormData {
  for (const cookie of csrfCookiesToIssue({ get: (name) => (request.jar.has(name) ? { value: request.jar.get(name)! } : undefined) })) {
    request.jar.set(cookie.name, cookie.value);
  }
  const data = new FormData();
  data.set(CSRF_FIELD, request.jar.get(csrfCookies.token)!);
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function signedInCustomer() {
  const user = await users.createUser({ emailVerifiedAt: new Date() });
  const { token } = await db.$transaction((tx) => createSession(tx, { userId: user.id, audience: "customer", persistent: false, context: { ip: "192.0.2.90", userAgent: "vitest" } }));
  request.session = await findActiveSession(token);
  return user;
}

beforeEach(() => {
  request.jar.clear();
  request.session = null;
  request.locked = true;
});
afterAll(() => {
  request.locked = false;
});

describe("lockdown refuses direct server-action calls (incident tool 3)", () => {
  it("sign-up: refused with the lockdown message, no account created", async () => {
    const email = `lockdown-${randomBytes(6).toString("hex")}@example.test`;
    users.emails.push(email);
    const state = await signUpAction(idle, form({ name: "Lee", email, password: "a long enough passphrase 2026" }));
    expect(state).toMatchObject({ status: "error", message: LOCKDOWN_MESSAGE, values: { email } });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("account checkout: refused, no order placed", async () => {
    const user = await signedInCustomer();
    const state = await placeOrderAction(idle, form({ ...address, addressChoice: "new" }));
    expect(state).toMatchObject({ status: "error", message: LOCKDOWN_MESSAGE });
    expect(await db.order.count({ where: { userId: user.id } })).toBe(0);
  });

  it("guest checkout: refused, no order placed", async () => {
    const email = `guest-${randomBytes(6).toString("hex")}@example.test`;
    const before = await db.order.count();
    const state = await placeGuestOrderAction(idle, form({ ...address, email }));
    expect(state).toMatchObject({ status: "error", message: LOCKDOWN_MESSAGE });
    expect(await db.order.count()).toBe(before);
  });

  it("starting a payment for an existing order: refused before the gateway is asked", async () => {
    await signedInCustomer();
    const state = await payOrderAction(idle, form({ orderId: "any-order-id" }));
    expect(state).toMatchObject({ status: "error", message: LOCKDOWN_MESSAGE });
  });

  it("with the shop open, the same sign-up goes through (the refusal above was the lockdown's)", async () => {
    request.locked = false;
    const email = `open-${randomBytes(6).toString("hex")}@example.test`;
    users.emails.push(email);
    await expect(signUpAction(idle, form({ name: "Lee", email, password: "a long enough passphrase 2026" }))).rejects.toThrow(/NEXT_REDIRECT/);
    const created = await db.user.findUnique({ where: { email }, select: { id: true } });
    expect(created).not.toBeNull();
    if (created) users.userIds.push(created.id);
  });
});
