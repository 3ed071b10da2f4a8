import { describe, expect, it } from "vitest";
import { generateToken, hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { issueAccountToken } from "@/lib/dal/accounts/internal/tokens";
import { confirmEmail } from "./email-verification";
import { testUsers } from "@/lib/dal/test-users";

requireTestDatabaseUrl();

const context = { ip: "203.0.113.40", userAgent: "vitest email-verification" };
const { newEmail, createUser } = testUsers({ defaults: { name: "Verify Tester" }, mailJobs: true });

/** An address verified a day ago. */
function verifiedYesterday() {
  return { emailVerifiedAt: new Date(Date.now() - 86_400_000) };
}

function issueVerify(userId: string, email: string) {
  return db.$transaction((tx) => issueAccountToken(tx, { userId, purpose: "verify_email", email }));
}

function userRow(id: string) {
  return db.user.findUniqueOrThrow({ where: { id }, select: { email: true, emailVerifiedAt: true } });
}

async function mailJobsTo(email: string): Promise<Array<{ data: { to: string; subject: string } }>> {
  return db.$queryRaw`SELECT data FROM pgboss.job WHERE name = 'mail' AND data->>'to' = ${email}`;
}

function eventTypes(userId: string) {
  return db.securityEvent
    .findMany({ where: { userId }, select: { type: true } })
    .then((rows) => rows.map((row) => row.type));
}

describe("confirmEmail", () => {
  it("verifies the account's own address, once", async () => {
    const user = await createUser();
    const token = await issueVerify(user.id, user.email);
    expect((await userRow(user.id)).emailVerifiedAt).toBeNull();

    await expect(confirmEmail(token, context)).resolves.toBe("verified");
    const after = await userRow(user.id);
    expect(after.email).toBe(user.email);
    expect(after.emailVerifiedAt).not.toBeNull();
    await expect(eventTypes(user.id)).resolves.toEqual(["email_verified"]);
    const tokenRow = await db.accountToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(tokenRow.usedAt).not.toBeNull();

    await expect(confirmEmail(token, context)).resolves.toBe("invalid");
    await expect(eventTypes(user.id)).resolves.toEqual(["email_verified"]);
    expect((await userRow(user.id)).emailVerifiedAt?.getTime()).toBe(after.emailVerifiedAt?.getTime());
  });

  it("answers invalid for garbage, unknown, expired and reset-password tokens", async () => {
    const user = await createUser();
    await expect(confirmEmail("garbage", context)).resolves.toBe("invalid");
    await expect(confirmEmail(generateToken(), context)).resolves.toBe("invalid");

    const expired = await issueVerify(user.id, user.email);
    await db.accountToken.update({ where: { tokenHash: hashToken(expired) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(confirmEmail(expired, context)).resolves.toBe("invalid");

    const reset = await db.$transaction((tx) =>
      issueAccountToken(tx, { userId: user.id, purpose: "reset_password", email: user.email }),
    );
    await expect(confirmEmail(reset, context)).resolves.toBe("invalid");

    expect((await userRow(user.id)).emailVerifiedAt).toBeNull();
    await expect(eventTypes(user.id)).resolves.toEqual([]);
  });

  it("moves the account to a new address and tells both addresses", async () => {
    const user = await createUser(verifiedYesterday());
    const newAddress = newEmail();
    const token = await issueVerify(user.id, newAddress);

    const before = Date.now();
    await expect(confirmEmail(token, context)).resolves.toBe("changed");
    const after = await userRow(user.id);
    expect(after.email).toBe(newAddress);
    expect(after.emailVerifiedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await expect(eventTypes(user.id)).resolves.toEqual(["email_changed"]);

    const oldJobs = await mailJobsTo(user.email);
    const newJobs = await mailJobsTo(newAddress);
    expect(oldJobs).toHaveLength(1);
    expect(newJobs).toHaveLength(1);
    expect(oldJobs[0]?.data.subject).toMatch(/email address was changed/i);

    // The link cannot be used twice.
    await expect(confirmEmail(token, context)).resolves.toBe("invalid");
    await expect(mailJobsTo(newAddress)).resolves.toHaveLength(1);
  });

  it("refuses an address another account owns by now, and changes nothing", async () => {
    const user = await createUser(verifiedYesterday());
    const newAddress = newEmail();
    const token = await issueVerify(user.id, newAddress);
    // Someone else registers the address before the link is used.
    const squatter = await createUser({ email: newAddress, name: "Squatter" });

    await expect(confirmEmail(token, context)).resolves.toBe("taken");
    const after = await userRow(user.id);
    expect(after.email).toBe(user.email);
    await expect(eventTypes(user.id)).resolves.toEqual([]);
    await expect(mailJobsTo(user.email)).resolves.toHaveLength(0);
    await expect(mailJobsTo(newAddress)).resolves.toHaveLength(0);
    const squatterAfter = await userRow(squatter.id);
    expect(squatterAfter).toEqual({ email: newAddress, emailVerifiedAt: null });
  });
});
