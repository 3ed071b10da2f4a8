import { beforeEach, describe, expect, it, vi } from "vitest";

/*
 * The guarded server actions end to end on the server: the real pipeline
 * (anti-CSRF, zod), the real gate and DAL; only the request (next/headers),
 * the session lookup and the rate limits are stood in for. The client's
 * address comes from X-Forwarded-For as the shop's HTTP server appends it.
 */
const request = vi.hoisted(() => ({ jar: new Map<string, string>(), ip: "", session: null as null | { userId: string } }));

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.jar.has(name) ? { name, value: request.jar.get(name)! } : undefined),
    set: (name: string, value: string) => void request.jar.set(name, value),
  }),
  headers: async () => new Headers({ "user-agent": "vitest bot actions", "x-forwarded-for": request.ip }),
}));
vi.mock("@/lib/guards/current-session", () => ({
  getCurrentSession: async () => request.session,
  requireSession: async () => {
    if (!request.session) throw new Error("NEXT_REDIRECT /sign-in");
    return { ...request.session, audience: "customer", reauthenticatedAt: null };
  },
}));
vi.mock("@/lib/auth/rate-limit/action-limits", () => ({ limitAction: async () => ({ allowed: true }) }));

const { randomBytes } = await import("node:crypto");
const { csrfCookies, csrfCookiesToIssue } = await import("@/lib/auth/csrf/csrf-cookies");
const { CSRF_FIELD } = await import("@/lib/auth/csrf/csrf-names");
const { botAlertFixtures, decodePayload, deleteAccountsByEmail, encodePayload, solvedBotPayload } = await import("@/lib/dal/bot-defence/test-fixtures");
const { testUsers } = await import("@/lib/dal/test-users");
const { requireTestDatabaseUrl } = await import("@/lib/dev-db/test-database");
const { signUpAction } = await import("./sign-up");
const { placeGuestOrderAction } = await import("./checkout/place-guest-order");
const { payGuestOrderAction } = await import("./checkout/pay-guest-order");
const { payOrderAction } = await import("./checkout/pay-order");
const { BOT_CHALLENGE_MESSAGES } = await import("./bot-gate-state");

requireTestDatabaseUrl();
// Sign-up creates accounts (and queues their mail) under the suite's addresses: removed afterwards.
const users = testUsers({ mailJobs: true, cleanUp: () => deleteAccountsByEmail(users.emails) });
const alerts = botAlertFixtures();
const idle = { status: "idle" } as const;

/** A browser at a fresh address with its anti-CSRF cookies, as proxy.ts issues them. */
function browser(session: { userId: string } | null = null): string {
  // Four hex digits without a leading zero: the form clientIp and networkOf write addresses in.
  const hex = () => (randomBytes(2).readUInt16BE() | 0x1000).toString(16);
  request.ip = alerts.trackIp(`2001:db8:${hex()}:${hex()}::1`);
  request.jar.clear();
  request.session = session;
  for (const cookie of csrfCookiesToIssue({ get: (name) => (request.jar.has(name) ? { value: request.jar.get(name)! } : undefined) })) {
    request.jar.set(cookie.name, cookie.value);
  }
  return request.jar.get(csrfCookies.token) ?? "";
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

type Action = (previous: typeof idle, formData: FormData) => Promise<unknown>;

/** Each guarded action with a valid form (apart from the security check) and what it does once past the gate. */
const cases: { name: string; action: Action; fields: () => Record<string, string>; signedIn?: boolean; typed: Record<string, string>; passed: (run: () => Promise<unknown>) => Promise<void> }[] = [
  {
    name: "sign-up",
    action: signUpAction as Action,
    fields: () => ({ name: "Robin Gate", email: users.newEmail(), password: "a long and unusual passphrase 9" }),
    typed: { name: "Robin Gate" },
    passed: async (run) => void (await expect(run()).rejects.toThrow(/NEXT_REDIRECT/)),
  },
  {
    name: "guest checkout",
    action: placeGuestOrderAction as Action,
    fields: () => ({ email: users.newEmail(), recipientName: "Robin Gate", line1: "1 Test Street", city: "Springfield", postalCode: "62704", country: "US", shippingRateId: "standard" }),
    typed: { recipientName: "Robin Gate", city: "Springfield" },
    // Past the gate, the (empty) cart is what stops it.
    passed: async (run) => expect(JSON.stringify(await run())).toMatch(/cart/i),
  },
  {
    name: "payment start (guest)",
    action: payGuestOrderAction as Action,
    fields: () => ({ orderId: "no-such-order" }),
    typed: {},
    passed: async (run) => expect(JSON.stringify(await run())).toContain("cannot be paid now"),
  },
  {
    name: "payment start (account)",
    action: payOrderAction as Action,
    signedIn: true,
    fields: () => ({ orderId: "no-such-order" }),
    typed: {},
    passed: async (run) => expect(JSON.stringify(await run())).toContain("cannot be paid now"),
  },
];

beforeEach(() => request.jar.clear());

describe("guarded actions under an open detection alert (V2.4.1)", () => {
  for (const { name, action, fields, signedIn, typed, passed } of cases) {
    it(`${name}: no challenge on a normal day`, async () => {
      const user = signedIn ? await users.createUser() : null;
      const token = browser(user && { userId: user.id });
      await passed(() => action(idle, form({ ...fields(), [CSRF_FIELD]: token })));
    });

    it(`${name}: refuses without, with a wrong or an expired solution (keeping what was typed), accepts a solved one, refuses its replay`, async () => {
      const user = signedIn ? await users.createUser() : null;
      const token = browser(user && { userId: user.id });
      await alerts.openAlert(`ip:${request.ip}`);
      const submit = (altcha?: string) => action(idle, form({ ...fields(), [CSRF_FIELD]: token, ...(altcha === undefined ? {} : { altcha }) }));

      const missing = await submit();
      expect(missing).toMatchObject({ status: "error", fieldErrors: { altcha: [BOT_CHALLENGE_MESSAGES.challenge_required] }, values: typed });
      expect(JSON.stringify(missing)).not.toContain("passphrase");
      const solved = await solvedBotPayload();
      const decoded = decodePayload(solved);
      const wrong = encodePayload({ ...decoded, solution: { ...decoded.solution, counter: decoded.solution.counter + 7 } });
      expect(await submit(wrong)).toMatchObject({ fieldErrors: { altcha: [BOT_CHALLENGE_MESSAGES.challenge_invalid] } });
      expect(await submit(await solvedBotPayload({ now: new Date(Date.now() - 3_600_000) }))).toMatchObject({ fieldErrors: { altcha: [BOT_CHALLENGE_MESSAGES.challenge_invalid] } });

      await passed(() => submit(solved));
      expect(await submit(solved)).toMatchObject({ fieldErrors: { altcha: [BOT_CHALLENGE_MESSAGES.challenge_invalid] } });
      expect((await alerts.refusals(request.ip)).map((event) => (event.details as { reason: string }).reason)).toEqual(["missing", "wrong", "expired", "replayed"]);
    });
  }

  it("an alert on the account asks the signed-in customer for the challenge when starting a payment, from any address", async () => {
    const user = await users.createUser();
    await alerts.openAlert(`user:${user.id}`, "card_testing");
    const token = browser({ userId: user.id });
    expect(await payOrderAction(idle, form({ orderId: "no-such-order", [CSRF_FIELD]: token }))).toMatchObject({ fieldErrors: { altcha: [BOT_CHALLENGE_MESSAGES.challenge_required] } });
  });
});
