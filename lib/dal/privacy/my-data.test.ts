import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password/hashing";
import { encryptField } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { createMyAddress } from "@/lib/dal/accounts/addresses";
import { enqueueJobNow } from "@/lib/dal/jobs/enqueue";
import { deleteMyAccount, exportLeaks, exportMyData, StepUpRequiredError } from "./my-data";
import { type ActiveSession, createSession, findActiveSession } from "@/lib/dal/sessions/sessions";
import { signInWithPassword } from "@/lib/dal/sessions/sign-in";
import { throttledTestUsers } from "@/lib/dal/two-factor/sign-in-test-fixtures";

requireTestDatabaseUrl();

const PASSWORD = "privacy test passphrase 2026";
const hour = 3_600_000;
const { users, newContext } = throttledTestUsers({ name: "Privacy Tester", userAgent: "vitest privacy" });

const address = (line1: string, phone: string) => ({
  recipientName: "Pat Privacy",
  line1,
  line2: null,
  city: "Quietown",
  region: null,
  postalCode: "10115",
  country: "DE",
  phone,
  isDefault: false,
});

/** A customer with a password, an encrypted phone and 2FA secret, an address, a session and an event with an IP. */
async function customer(tag: string) {
  const user = await users.createUser({ passwordHash: await hashPassword(PASSWORD) });
  const phone = `+44 7700 ${tag}`;
  await db.user.update({
    where: { id: user.id },
    data: {
      phone: encryptField(phone, { model: "User", field: "phone", ownerId: user.id }),
      totpSecret: encryptField("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", { model: "User", field: "totpSecret", ownerId: user.id }),
    },
  });
  const context = newContext();
  const { token } = await db.$transaction((tx) =>
    createSession(tx, { userId: user.id, audience: "customer", persistent: false, context }),
  );
  const viewer = await findActiveSession(token);
  if (!viewer) throw new Error("no session");
  const line1 = `${tag} Privacy Street`;
  await createMyAddress(viewer, address(line1, phone));
  await db.securityEvent.create({ data: { type: "sign_in_succeeded", userId: user.id, ip: context.ip, userAgent: "vitest privacy" } });
  const tokenHash = randomBytes(32).toString("hex");
  await db.accountToken.create({
    data: { userId: user.id, purpose: "verify_email", tokenHash, email: user.email, expiresAt: new Date(Date.now() + hour) },
  });
  await db.knownDevice.create({ data: { userId: user.id, deviceHash: randomBytes(32).toString("hex") } });
  await db.recoveryCode.create({ data: { userId: user.id, codeHash: "$argon2id$v=19$m=19456,t=2,p=1$recovery" } });
  return { user, viewer, token, phone, line1, ip: context.ip, tokenHash };
}

const stale = (viewer: ActiveSession): ActiveSession => ({ ...viewer, reauthenticatedAt: new Date(Date.now() - hour) });

describe("exportMyData", () => {
  it("gives the viewer their decrypted phone and address, and nothing of another customer", async () => {
    const me = await customer("900123");
    const other = await customer("900456");
    const exported = await exportMyData(me.viewer, newContext());
    const json = JSON.stringify(exported);
    expect(exported.profile).toMatchObject({ email: me.user.email, phone: me.phone, twoFactorEnabled: false });
    expect(exported.addresses.map((a) => a.line1)).toEqual([me.line1]);
    expect(exported.addresses[0]?.phone).toBe(me.phone);
    expect(exported.orders).toEqual([]);
    expect(exported.sessions).toHaveLength(1);
    expect(exported.securityEvents.map((e) => e.ip)).toContain(me.ip);
    for (const foreign of [other.user.email, other.phone, other.line1, other.ip, other.user.id]) expect(json).not.toContain(foreign);
  });

  it("holds no hash, secret, ciphertext or token hash, and logs the export", async () => {
    const me = await customer("900789");
    const json = JSON.stringify(await exportMyData(me.viewer, newContext()));
    const stored = await db.user.findUniqueOrThrow({ where: { id: me.user.id } });
    for (const secret of ["$argon2", "v1.", "v2.", me.tokenHash, stored.passwordHash, stored.totpSecret ?? "-", stored.phone ?? "-"]) {
      expect(json).not.toContain(secret);
    }
    expect(json).not.toContain("JBSWY3DPEHPK3PXP");
    const events = await db.securityEvent.count({ where: { userId: me.user.id, type: "personal_data_exported" } });
    expect(events).toBe(1);
  });

  it("has a leak check that finds confidential keys and stored secrets", () => {
    expect(exportLeaks({ profile: { name: "A" } }, ["$argon2id$x"])).toEqual([]);
    expect(exportLeaks({ profile: { passwordHash: "x" } }, [])).toEqual(["$.profile.passwordHash"]);
    expect(exportLeaks({ list: [{ note: "$argon2id$x" }] }, ["$argon2id$x"])).toEqual(["$.list.0.note"]);
  });

  it("refuses a stale step-up and logs nothing", async () => {
    const me = await customer("900321");
    await expect(exportMyData(stale(me.viewer), newContext())).rejects.toBeInstanceOf(StepUpRequiredError);
    expect(await db.securityEvent.count({ where: { userId: me.user.id, type: "personal_data_exported" } })).toBe(0);
  });
});

describe("deleteMyAccount", () => {
  it("refuses a staff account, even with a fresh step-up, and changes nothing", async () => {
    const me = await customer("900655");
    await expect(deleteMyAccount({ ...me.viewer, audience: "staff" }, newContext())).rejects.toThrow(/Staff accounts/);
    expect(await findActiveSession(me.token)).not.toBeNull();
    expect(await db.address.count({ where: { userId: me.user.id } })).toBe(1);
  });

  it("refuses a stale step-up and changes nothing", async () => {
    const me = await customer("900654");
    await expect(deleteMyAccount(stale(me.viewer), newContext())).rejects.toBeInstanceOf(StepUpRequiredError);
    expect(await findActiveSession(me.token)).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: me.user.id } })).email).toBe(me.user.email);
    expect(await db.address.count({ where: { userId: me.user.id } })).toBe(1);
  });

  it("erases personal data, ends sessions, frees the email and keeps events without their origin", async () => {
    const me = await customer("900987");
    const other = await customer("900111");
    await deleteMyAccount(me.viewer, newContext());

    const row = await db.user.findUniqueOrThrow({ where: { id: me.user.id } });
    expect(row).toMatchObject({ name: "Deleted customer", phone: null, totpSecret: null, totpPendingSecret: null, emailVerifiedAt: null });
    expect(row.email).toMatch(/^deleted-[0-9a-f]{32}@deleted\.invalid$/);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db.user.count({ where: { email: me.user.email } })).toBe(0);
    expect(await findActiveSession(me.token)).toBeNull();
    const signIn = await signInWithPassword({
      email: me.user.email,
      password: PASSWORD,
      persistent: false,
      deviceId: randomBytes(16).toString("hex"),
      previousToken: null,
      context: newContext(),
    });
    expect(signIn).toEqual({ ok: false, reason: "invalid" });

    const where = { where: { userId: me.user.id } };
    const left = await Promise.all([db.address.count(where), db.recoveryCode.count(where), db.accountToken.count(where), db.knownDevice.count(where)]);
    expect(left).toEqual([0, 0, 0, 0]);
    const sessions = await db.session.findMany({ where: { userId: me.user.id } });
    expect(sessions.every((s) => s.revokedAt !== null && s.ip === null && s.userAgent === null)).toBe(true);
    const events = await db.securityEvent.findMany({ where: { userId: me.user.id } });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["sign_in_succeeded", "account_deleted"]));
    expect(events.every((e) => e.ip === null && e.userAgent === null)).toBe(true);
    expect(JSON.stringify(events.find((e) => e.type === "account_deleted")?.details)).not.toContain(me.user.email);

    // Another customer is untouched.
    expect(await findActiveSession(other.token)).not.toBeNull();
    expect(await db.address.count({ where: { userId: other.user.id } })).toBe(1);
  });

  it("purges the account's jobs, queued or done, and the test gateway's records of its orders; another's stay", async () => {
    const me = await customer("900321");
    const other = await customer("900322");
    const orderOf = async (userId: string) => {
      const id = `purge-${randomBytes(8).toString("hex")}`;
      await db.order.create({
        data: {
          id, number: id.slice(0, 20).toUpperCase(), userId, paymentStatus: "paid", currency: "USD", subtotalMinor: 1000, shippingMinor: 0, taxMinor: 0,
          totalMinor: 1000, shippingMethod: "standard", shipCountry: "DE", reservationExpiresAt: new Date(),
        },
      });
      const checkout = await db.testGatewaySession.create({
        data: {
          id: `cs_test_${id}`, idempotencyKey: `key-${id}`, orderId: id, orderNumber: id.slice(0, 20), paymentIntentId: `pi_test_${id}`,
          chargeId: `ch_test_${id}`, currency: "USD", amountTotal: 1000, lineItems: [], customerEmail: "pat@example.test",
          successUrl: "http://127.0.0.1/ok", cancelUrl: "http://127.0.0.1/cancel", status: "complete", paymentStatus: "paid", expiresAt: new Date(),
        },
      });
      return { orderId: id, checkoutId: checkout.id, chargeId: checkout.chargeId };
    };
    const jobsOf = async (ids: string[]) => (await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE id::text = ANY(${ids}::text[])`)[0]?.n;

    const jobsFor = async (user: { id: string; email: string }, order: { orderId: string; checkoutId: string; chargeId: string }) => [
      // Queued, not yet sent: the case a finished-only purge missed.
      await enqueueJobNow("mail", { to: user.email, subject: "Queued", text: "Queued" }, { startAfter: 3600 }),
      await enqueueJobNow("account", { kind: "send-verification", userId: user.id }, { startAfter: 3600 }),
      await enqueueJobNow("payment-events", { events: [{ data: { object: { id: order.checkoutId, metadata: { orderId: order.orderId } } } }] }, { startAfter: 3600 }),
      await enqueueJobNow("payment-events", { events: [{ data: { object: { id: order.chargeId, object: "charge" } } }] }, { startAfter: 3600 }),
    ];
    const mine = await orderOf(me.user.id);
    const theirs = await orderOf(other.user.id);
    const myJobs = await jobsFor(me.user, mine);
    const theirJobs = await jobsFor(other.user, theirs);
    // A mail already delivered to me, as pg-boss keeps it for a week.
    const delivered = await enqueueJobNow("mail", { to: me.user.email, subject: "Sent", text: "Sent" });
    await db.$executeRaw`UPDATE pgboss.job SET state = 'completed', completed_on = now() WHERE id::text = ${delivered}`;

    await deleteMyAccount(me.viewer, newContext());

    expect(Number(await jobsOf([...myJobs, delivered]))).toBe(0);
    expect(await db.testGatewaySession.count({ where: { orderId: mine.orderId } })).toBe(0);
    expect(Number(await jobsOf(theirJobs))).toBe(theirJobs.length);
    expect(await db.testGatewaySession.count({ where: { orderId: theirs.orderId } })).toBe(1);
  });
});
