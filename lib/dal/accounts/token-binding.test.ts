import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { changePassword } from "./settings";
import { findValidToken, issueAccountToken } from "@/lib/dal/accounts/internal/tokens";
import { confirmEmail } from "./email-verification";
import { completePasswordReset, findPasswordResetAccount } from "./password-reset";
import { type ActiveSession, createSession, findActiveSession } from "@/lib/dal/sessions/sessions";
import { testUsers } from "@/lib/dal/test-users";

requireTestDatabaseUrl();

/** Tokens follow the account: a change of password or email retires every link mailed before it. */
const OLD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$b2xkc2FsdA$b2xkaGFzaA";
const ATTACKER_HASH = "$argon2id$v=19$m=19456,t=2,p=1$YXR0YWNrZXI$YXR0YWNrZXI";
const context = { ip: "203.0.113.93", userAgent: "vitest account token binding" };
const { newEmail, createUser } = testUsers({ defaults: { name: "Token Tester", passwordHash: OLD_HASH }, mailJobs: true });

const issue = (userId: string, purpose: "reset_password" | "verify_email" | "staff_setup", email: string) =>
  db.$transaction((tx) => issueAccountToken(tx, { userId, purpose, email }));

const reset = (token: string) => completePasswordReset({ token, passwordHash: ATTACKER_HASH, context });

const account = (id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { email: true, passwordHash: true } });

async function signedIn(userId: string): Promise<{ token: string; viewer: ActiveSession }> {
  const { token } = await db.$transaction((tx) => createSession(tx, { userId, audience: "customer", persistent: false, context }));
  const viewer = await findActiveSession(token);
  if (!viewer) throw new Error("no session");
  return { token, viewer };
}

/** Moves the account to a new address through the real email-change link. */
async function changeEmail(userId: string, current: { sessionId: string; userId: string } | null = null): Promise<string> {
  const address = newEmail();
  const link = await issue(userId, "verify_email", address);
  await expect(confirmEmail(link, context, current)).resolves.toBe("changed");
  return address;
}

describe("a password reset link", () => {
  it("stops working once the account's email changed, even if nothing cancelled it", async () => {
    const user = await createUser({ emailVerifiedAt: new Date() });
    const link = await issue(user.id, "reset_password", user.email);
    // The address changes by a path that does not cancel links (e.g. staff editing the record).
    await db.user.update({ where: { id: user.id }, data: { email: newEmail() } });

    await expect(findPasswordResetAccount(link)).resolves.toBeNull();
    await expect(reset(link)).resolves.toBe(false);
    await expect(account(user.id)).resolves.toMatchObject({ passwordHash: OLD_HASH });
  });

  it("mailed before an email change no longer works after it", async () => {
    const user = await createUser({ emailVerifiedAt: new Date() });
    const link = await issue(user.id, "reset_password", user.email);
    await changeEmail(user.id);
    // Even with the account moved back to the old address, the link stays cancelled.
    await db.user.update({ where: { id: user.id }, data: { email: user.email } });
    await expect(reset(link)).resolves.toBe(false);
    await expect(account(user.id)).resolves.toEqual({ email: user.email, passwordHash: OLD_HASH });
  });

  it("and a pending email change link are both cancelled by a password change", async () => {
    const user = await createUser({ emailVerifiedAt: new Date() });
    const resetLink = await issue(user.id, "reset_password", user.email);
    const changeLink = await issue(user.id, "verify_email", newEmail());
    const { viewer } = await signedIn(user.id);

    await expect(changePassword(viewer, { newPassword: "the owner's new passphrase 31", context })).resolves.toBe(true);
    const changed = await account(user.id);
    await expect(reset(resetLink)).resolves.toBe(false);
    await expect(confirmEmail(changeLink, context)).resolves.toBe("invalid");
    await expect(account(user.id)).resolves.toEqual(changed);
    expect(changed.email).toBe(user.email);
  });
});

describe("a completed password reset", () => {
  it("cancels a pending email change link", async () => {
    const user = await createUser({ emailVerifiedAt: new Date() });
    const changeLink = await issue(user.id, "verify_email", newEmail());
    const resetLink = await issue(user.id, "reset_password", user.email);

    await expect(reset(resetLink)).resolves.toBe(true);
    await expect(confirmEmail(changeLink, context)).resolves.toBe("invalid");
    await expect(account(user.id)).resolves.toMatchObject({ email: user.email });
  });
});

describe("an email change", () => {
  it("cancels a staff set-up link, which is bound to the address it was sent to", async () => {
    const user = await createUser();
    const setup = await issue(user.id, "staff_setup", user.email);
    await changeEmail(user.id);
    await expect(db.$transaction((tx) => findValidToken(tx, setup, "staff_setup"))).resolves.toBeNull();
  });

  it("ends every session of the account but the signed-in browser confirming it, and records it", async () => {
    const user = await createUser({ emailVerifiedAt: new Date() });
    const confirming = await signedIn(user.id);
    const elsewhere = await signedIn(user.id);
    await changeEmail(user.id, confirming.viewer);

    await expect(findActiveSession(confirming.token)).resolves.not.toBeNull();
    await expect(findActiveSession(elsewhere.token)).resolves.toBeNull();
    const revoked = await db.securityEvent.findMany({ where: { userId: user.id, type: "sessions_revoked" } });
    expect(revoked.map((event) => event.details)).toEqual([{ scope: "others", ended: 1, reason: "email_changed" }]);

    // Confirmed from a browser not signed in to the account: every session ends.
    const other = await signedIn(user.id);
    await changeEmail(user.id, null);
    await expect(findActiveSession(other.token)).resolves.toBeNull();
    await expect(findActiveSession(confirming.token)).resolves.toBeNull();
  });
});
