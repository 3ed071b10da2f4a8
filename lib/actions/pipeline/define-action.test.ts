import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

/*
 * The pipeline with the request around it replaced: a cookie jar and headers
 * (next/headers), the session and staff guards, and the rate limits. The
 * anti-CSRF check itself is the real one.
 */
const request = vi.hoisted(() => ({
  jar: new Map<string, string>(),
  session: null as null | { userId: string; reauthenticatedAt: Date | null },
  fetchSite: null as null | string,
}));

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.jar.has(name) ? { name, value: request.jar.get(name)! } : undefined),
    set: (name: string, value: string) => void request.jar.set(name, value),
  }),
  headers: async () => new Headers({ "user-agent": "vitest", ...(request.fetchSite ? { "sec-fetch-site": request.fetchSite } : {}) }),
}));
vi.mock("@/lib/guards/current-session", () => ({
  requireSession: vi.fn(async () => {
    if (!request.session) throw new Error("NEXT_REDIRECT /sign-in");
    return request.session;
  }),
}));
vi.mock("@/lib/guards/staff-guard", () => ({
  requireStaffPermission: vi.fn(async (permission: string) => {
    if (permission !== "products:write") throw new Error(`NEXT_REDIRECT /admin?denied=${permission}`);
    return { userId: "staff-1", role: "catalog_manager", reauthenticatedAt: new Date() };
  }),
}));
vi.mock("@/lib/auth/rate-limit/action-limits", () => ({
  limitAction: vi.fn(async () => ({ allowed: false, retryAfterSeconds: 30, scope: "account" })),
}));
vi.mock("@/lib/auth/step-up", () => ({
  requireRecentAuthentication: (viewer: { reauthenticatedAt: Date | null }, returnTo: string) => {
    if (!viewer.reauthenticatedAt) throw new Error(`NEXT_REDIRECT /account/confirm?returnTo=${returnTo}`);
  },
}));

const { cookieNames } = await import("@/lib/auth/session/cookies");
const { csrfCookies, csrfCookiesToIssue } = await import("@/lib/auth/csrf/csrf-cookies");
const { CSRF_FIELD } = await import("@/lib/auth/csrf/csrf-names");
const { actionMeta } = await import("./action-brand");
const { customerAction, publicAction, staffAction } = await import("./audiences");
const { CSRF_REFUSED } = await import("./define-action");

/** Signs the visitor in (or not) and gives the browser its cookies, as proxy.ts does. */
function browser(session: string | null) {
  request.jar.clear();
  request.session = session ? { userId: "user-1", reauthenticatedAt: new Date() } : null;
  if (session) request.jar.set(cookieNames.session, session);
  for (const cookie of csrfCookiesToIssue({ get: (name) => (request.jar.has(name) ? { value: request.jar.get(name)! } : undefined) })) {
    request.jar.set(cookie.name, cookie.value);
  }
  return request.jar.get(csrfCookies.token)!;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const idle = { status: "idle" } as const;
const handler = vi.fn(async () => ({ status: "success" as const, message: "Changed." }));

const renameAction = customerAction(
  {
    returnTo: "/account",
    input: { fields: ["name", "password"], schema: z.object({ name: z.string().min(2, "Too short."), password: z.string().min(1) }), echo: { name: 100 } },
    errors: { taken: { field: "name", message: "That name is taken." }, gone: "It is gone." },
  },
  async ({ input, fail }) => {
    if (input.name === "taken" || input.name === "gone") return fail(input.name);
    return handler();
  },
);

beforeEach(() => {
  handler.mockClear();
  request.fetchSite = null;
});

describe("forms on the catalog's shared pages (no token in their HTML)", () => {
  const addAction = publicAction({ onSharedPages: true }, handler);
  const otherAction = publicAction({}, handler);

  it("accepts a token-less post only when the browser states it is same-origin", async () => {
    browser(null);
    request.fetchSite = "same-origin";
    expect(await addAction(idle, form({}))).toMatchObject({ status: "success" });
    for (const fetchSite of [null, "same-site", "cross-site", "none"]) {
      request.fetchSite = fetchSite;
      expect(await addAction(idle, form({})), String(fetchSite)).toMatchObject({ message: CSRF_REFUSED });
    }
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("still judges a post that carries a token by that token", async () => {
    browser(null);
    request.fetchSite = "same-origin";
    expect(await addAction(idle, form({ [CSRF_FIELD]: "forged.token" }))).toMatchObject({ message: CSRF_REFUSED });
    expect(await addAction(idle, form({ [CSRF_FIELD]: browser(null) }))).toMatchObject({ status: "success" });
  });

  it("never lets any other action go without its token", async () => {
    browser(null);
    request.fetchSite = "same-origin";
    expect(await otherAction(idle, form({}))).toMatchObject({ message: CSRF_REFUSED });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("the action pipeline", () => {
  it("runs the handler for a signed-in session with its own token", async () => {
    const token = browser("session-a");
    expect(await renameAction(idle, form({ name: "Ada", password: "pw", [CSRF_FIELD]: token }))).toEqual({ status: "success", message: "Changed.", values: undefined });
    expect(handler).toHaveBeenCalledOnce();
  });

  it("refuses a call without a token, with a foreign token, or with no form at all; nothing runs", async () => {
    browser("session-a");
    expect(await renameAction(idle, form({ name: "Ada", password: "pw" }))).toMatchObject({ status: "error", message: CSRF_REFUSED });
    const otherSessionsToken = browser("session-b");
    browser("session-a");
    expect(await renameAction(idle, form({ name: "Ada", password: "pw", [CSRF_FIELD]: otherSessionsToken }))).toMatchObject({ message: CSRF_REFUSED });
    // A direct call with arguments of the attacker's choosing.
    expect(await (renameAction as (...args: unknown[]) => Promise<unknown>)(idle, { name: "Ada" })).toMatchObject({ message: CSRF_REFUSED });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a token whose cookie was replaced (double submit: form and cookie must agree)", async () => {
    const token = browser("session-a");
    request.jar.set(csrfCookies.token, browser("session-a"));
    request.jar.set(cookieNames.session, "session-a");
    expect(await renameAction(idle, form({ name: "Ada", password: "pw", [CSRF_FIELD]: token }))).toMatchObject({ message: CSRF_REFUSED });
    expect(handler).not.toHaveBeenCalled();
  });

  it("sends a visitor without a session to sign in before anything else", async () => {
    const token = browser(null);
    await expect(renameAction(idle, form({ name: "Ada", password: "pw", [CSRF_FIELD]: token }))).rejects.toThrow(/sign-in/);
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers invalid input with field errors and echoes only safe fields, never the password", async () => {
    const token = browser("session-a");
    const state = await renameAction(idle, form({ name: "A", password: "hunter2", [CSRF_FIELD]: token }));
    expect(state).toEqual({ status: "error", fieldErrors: { name: ["Too short."] }, values: { name: "A" } });
    expect(JSON.stringify(state)).not.toContain("hunter2");
  });

  it("maps error codes to their text, on a field or at the top", async () => {
    const token = browser("session-a");
    expect(await renameAction(idle, form({ name: "taken", password: "pw", [CSRF_FIELD]: token }))).toEqual({
      status: "error",
      fieldErrors: { name: ["That name is taken."] },
      values: { name: "taken" },
    });
    expect(await renameAction(idle, form({ name: "gone", password: "pw", [CSRF_FIELD]: token }))).toMatchObject({ message: "It is gone." });
  });

  it("refuses to define an action that would echo a password, code or token", () => {
    for (const field of ["password", "newPassword", "code", "token", "secret"]) {
      expect(() => publicAction({ input: { fields: [field], schema: z.object({}), echo: { [field]: 10 } } }, handler)).toThrow(/never sent back/);
    }
  });

  it("checks the staff permission and records it on the action", async () => {
    const allowed = staffAction({ permission: "products:write", returnTo: "/admin" }, handler);
    const denied = staffAction({ permission: "staff:manage", returnTo: "/admin" }, handler);
    expect(actionMeta(allowed)).toEqual({ audience: "staff", permission: "products:write", stepUp: false, rateLimited: false });
    const token = browser("session-a");
    expect(await allowed(idle, form({ [CSRF_FIELD]: token }))).toMatchObject({ status: "success" });
    await expect(denied(idle, form({ [CSRF_FIELD]: token }))).rejects.toThrow(/denied=staff:manage/);
    expect(handler).toHaveBeenCalledOnce();
  });

  it("asks for a recent second factor when the action needs step-up", async () => {
    const sensitive = customerAction({ returnTo: "/account", stepUp: { when: "first", returnTo: () => "/account/security" } }, handler);
    const token = browser("session-a");
    request.session!.reauthenticatedAt = null;
    await expect(sensitive(idle, form({ [CSRF_FIELD]: token }))).rejects.toThrow(/confirm\?returnTo=\/account\/security/);
    expect(handler).not.toHaveBeenCalled();
  });

  it("applies rate limits and says when to retry", async () => {
    const limited = customerAction({ returnTo: "/account", rateLimit: { policies: (viewer) => [["passwordChange", viewer.userId]], message: "Too many attempts." } }, handler);
    const token = browser("session-a");
    expect(await limited(idle, form({ [CSRF_FIELD]: token }))).toMatchObject({ status: "error", message: "Too many attempts. Try again in 30 seconds." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("checks a bound argument and passes it on", async () => {
    const bound = staffAction({ permission: "products:write", returnTo: "/admin", bound: z.string().regex(/^p-\d+$/) }, async ({ bound: id }) => ({ status: "success", message: id }));
    const token = browser("session-a");
    expect(await bound("p-1", idle, form({ [CSRF_FIELD]: token }))).toMatchObject({ message: "p-1" });
    await expect(bound("../x", idle, form({ [CSRF_FIELD]: token }))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });

  it("issues a token bound to the new session after the action changed it (sign-in)", async () => {
    const signIn = publicAction({}, async () => {
      request.jar.set(cookieNames.session, "session-new");
      return { status: "success" };
    });
    const before = browser(null);
    await signIn(idle, form({ [CSRF_FIELD]: before }));
    expect(request.jar.get(csrfCookies.token)).not.toBe(before);
    const fresh = request.jar.get(csrfCookies.token)!;
    request.session = { userId: "user-1", reauthenticatedAt: new Date() };
    expect(await renameAction(idle, form({ name: "Ada", password: "pw", [CSRF_FIELD]: fresh }))).toMatchObject({ status: "success" });
  });
});
