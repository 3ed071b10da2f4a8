import { describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password/hashing";
import { generateToken } from "@/lib/crypto/tokens";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { reviveSessions } from "@/lib/dal/sessions/test-fixtures";
import { findActiveSession } from "@/lib/dal/sessions/sessions";
import { signInWithPassword } from "@/lib/dal/sessions/sign-in";
import { enrolThroughRealFlow, throttledTestUsers } from "@/lib/dal/two-factor/sign-in-test-fixtures";
import { requireStaffPermission } from "./staff-guard";

requireTestDatabaseUrl();

// The guard runs as in a request: the session cookie is the one this test sets; redirects throw.
const request = vi.hoisted(() => ({ sessionToken: "" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name.endsWith("shop.session") ? { value: request.sessionToken } : undefined) }),
  headers: async () => new Headers({ "user-agent": "vitest staff guard", "x-forwarded-for": "203.0.113.77" }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
  notFound: () => {
    throw new Error("not-found");
  },
}));

const PASSWORD = "correct horse battery staple 42";
const { users, newContext } = throttledTestUsers({ name: "Staff Guard Tester", userAgent: "vitest staff guard" });

async function signIn(email: string): Promise<string> {
  const result = await signInWithPassword({ email, password: PASSWORD, persistent: false, deviceId: generateToken(), previousToken: null, context: newContext() });
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return result.token;
}

function guardAs(token: string) {
  request.sessionToken = token;
  return requireStaffPermission("dashboard:read", { skipPolicy: true });
}

describe("requireStaffPermission", () => {
  it("refuses a staff session opened with the password alone, even after the account enrolled in another session", async () => {
    const staff = await users.createUser({ passwordHash: await hashPassword(PASSWORD), kind: "staff", staffRole: "support", emailVerifiedAt: new Date() });
    const passwordOnly = await signIn(staff.email);
    const enrolling = await signIn(staff.email);
    await expect(guardAs(passwordOnly)).rejects.toThrow("redirect:/account/security?notice=staff-two-factor-required");

    const enrollingSession = await findActiveSession(enrolling);
    if (!enrollingSession) throw new Error("no session");
    await enrolThroughRealFlow(enrollingSession, newContext());
    // The enrolling session proved the new factor: the admin opens for it.
    await expect(guardAs(enrolling)).resolves.toMatchObject({ userId: staff.id, role: "support" });

    // The password-only session ended with the enrolment ...
    await expect(guardAs(passwordOnly)).rejects.toThrow(/^redirect:\/sign-in\?/);
    // ... and had it outlived it (a sign-in racing the enrolment), it would still owe the second factor.
    await reviveSessions(staff.id, "two_factor_enabled");
    await expect(guardAs(passwordOnly)).rejects.toThrow(/^redirect:\/sign-in\/two-factor\?/);
  });
});
