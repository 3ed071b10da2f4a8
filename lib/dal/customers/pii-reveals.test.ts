import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { env } from "@/lib/env";
import { getCustomerForStaff, listCustomersForStaff } from "./staff-customers";
import { adminCustomerFixtures, personalData } from "./test-fixtures";
import { PII_REVEALED, revealCustomerPii } from "./pii-reveals";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { staffFixtures } from "@/lib/dal/staff/test-fixtures";

requireTestDatabaseUrl();

const { users, createCustomer } = adminCustomerFixtures();
const { staffViewer } = staffFixtures(users);

const context = { ip: "192.0.2.44", userAgent: "vitest pii reveals", requestId: "req-pii-reveal" };
const reason = "Ticket #4821: customer asked us to confirm the delivery address";
const HOUR_MS = 3_600_000;

/** Everything a reveal writes about this pair; a refused reveal must leave all of it empty. */
async function writtenFor(staffId: string, customerId: string) {
  const [grants, entries, events] = await Promise.all([
    db.piiReveal.findMany({ where: { staffId, customerId } }),
    db.auditEntry.findMany({ where: { actorId: staffId, action: PII_REVEALED, targetId: customerId } }),
    db.securityEvent.findMany({ where: { userId: staffId, type: "pii_revealed" } }),
  ]);
  return { grants, entries, events };
}

const nothing = { grants: [], entries: [], events: [] };

describe("revealing a customer's personal data is refused", () => {
  it("without the customers:reveal_pii permission", async () => {
    const auditor = await staffViewer("auditor");
    const customer = await createCustomer();
    await expect(revealCustomerPii(auditor, { customerId: customer.id, reason }, context)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await writtenFor(auditor.userId, customer.id)).toEqual(nothing);
    expect((await getCustomerForStaff(auditor, customer.id))?.revealedUntil).toBeNull();
  });

  it("without a reason of 10 to 500 characters", async () => {
    const viewer = await staffViewer("support");
    const customer = await createCustomer();
    for (const bad of ["", "          ", "too short", "x".repeat(501)]) {
      expect(await revealCustomerPii(viewer, { customerId: customer.id, reason: bad }, context)).toEqual({ ok: false, refusal: "reason_invalid" });
    }
    expect(await writtenFor(viewer.userId, customer.id)).toEqual(nothing);
  });

  it("without a second factor proven recently in the session", async () => {
    const stale = await staffViewer("support", { reauthenticatedAt: new Date(Date.now() - HOUR_MS) });
    const never = await staffViewer("support", { reauthenticatedAt: null });
    const customer = await createCustomer();
    for (const viewer of [stale, never]) {
      expect(await revealCustomerPii(viewer, { customerId: customer.id, reason }, context)).toEqual({ ok: false, refusal: "step_up_required" });
      expect(await writtenFor(viewer.userId, customer.id)).toEqual(nothing);
      expect((await getCustomerForStaff(viewer, customer.id))?.name).toBe("M••• O•••");
    }
  });

  it("for an account that is not a customer's", async () => {
    const viewer = await staffViewer("support");
    const colleague = await staffViewer("owner");
    expect(await revealCustomerPii(viewer, { customerId: colleague.userId, reason }, context)).toEqual({ ok: false, refusal: "not_a_customer" });
    expect(await writtenFor(viewer.userId, colleague.userId)).toEqual(nothing);
  });
});

describe("a granted reveal", () => {
  it("writes the grant, its audit entry with the reason and a security event, and unmasks for that viewer only until it expires", async () => {
    const viewer = await staffViewer("support");
    const colleague = await staffViewer("support");
    const customer = await createCustomer();
    const now = new Date();

    const result = await revealCustomerPii(viewer, { customerId: customer.id, reason: `  ${reason}  ` }, context, now);
    if (!result.ok) throw new Error(`refused: ${result.refusal}`);
    expect(result.expiresAt.getTime()).toBe(now.getTime() + env.PII_REVEAL_MINUTES * 60_000);

    const written = await writtenFor(viewer.userId, customer.id);
    expect(written.grants).toEqual([
      { id: expect.any(String), staffId: viewer.userId, customerId: customer.id, reason, expiresAt: result.expiresAt, createdAt: now },
    ]);
    expect(written.entries).toHaveLength(1);
    expect(written.entries[0]).toMatchObject({
      actorRole: "support",
      targetType: "user",
      reason,
      outcome: "success",
      ip: context.ip,
      requestId: context.requestId,
      after: { expiresAt: result.expiresAt.toISOString() },
    });
    expect(written.events).toHaveLength(1);
    expect(written.events[0]?.details).toEqual({ customerId: customer.id, expiresAt: result.expiresAt.toISOString() });

    const revealed = await getCustomerForStaff(viewer, customer.id);
    expect(revealed).toMatchObject({ name: personalData.name, email: customer.email, phone: personalData.phone, revealedUntil: result.expiresAt });
    expect(revealed?.addresses[0]).toMatchObject({ ...personalData.address, id: expect.any(String) });
    const listed = await listCustomersForStaff(viewer, { query: customer.email, page: 1 }, context);
    expect(listed.customers[0]).toMatchObject({ name: personalData.name, email: customer.email, phone: personalData.phone });

    // Another staff member, the same viewer after expiry, and the same viewer demoted all see it masked.
    const masked = { name: "M••• O•••", revealedUntil: null };
    expect(await getCustomerForStaff(colleague, customer.id)).toMatchObject(masked);
    expect(await getCustomerForStaff(viewer, customer.id, new Date(result.expiresAt.getTime() + 1000))).toMatchObject(masked);
    expect(await getCustomerForStaff({ ...viewer, role: "auditor" }, customer.id)).toMatchObject(masked);
    const afterExpiry = await getCustomerForStaff(viewer, customer.id, new Date(result.expiresAt.getTime() + 1000));
    expect(JSON.stringify(afterExpiry)).not.toContain(personalData.address.line1);
  });
});

describe("bulk reveals", () => {
  it(`raise one alert when a staff member reveals more than ALERT_REVEALS_PER_HOUR customers in an hour`, async () => {
    const owner = await staffViewer("owner");
    const viewer = await staffViewer("support");
    const limit = env.ALERT_REVEALS_PER_HOUR;
    const customers = [];
    for (let i = 0; i < limit + 2; i += 1) customers.push(await createCustomer({ withPersonalData: false }));
    const reveal = async (customerId: string) => {
      const result = await revealCustomerPii(viewer, { customerId, reason }, context);
      expect(result.ok).toBe(true);
    };
    const alerts = () => db.securityAlert.findMany({ where: { actorId: viewer.userId } });

    for (const customer of customers.slice(0, limit)) await reveal(customer.id);
    // Revealing the same customer again is not another customer.
    await reveal(customers[0]?.id ?? "");
    expect(await alerts()).toEqual([]);

    const since = new Date(Date.now() - 1000);
    await reveal(customers[limit]?.id ?? "");
    const raised = await alerts();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: "bulk_pii_reveal", details: { customers: limit + 1, limit } });
    const mails = await db.$queryRaw<{ id: string; to: string }[]>`
      SELECT id::text, data->>'to' AS to FROM pgboss.job
      WHERE name = 'mail' AND data->>'subject' LIKE 'Security alert in the shop admin%'
        AND data->>'text' LIKE '%revealed the personal data of%' AND created_on >= ${since}`;
    expect(mails.map((mail) => mail.to)).toContain(owner.email);

    await reveal(customers[limit + 1]?.id ?? "");
    expect(await alerts()).toHaveLength(1);

    // The alert also mailed owners outside this suite; its mail jobs go with the suite.
    const ids = mails.map((mail) => mail.id);
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'mail' AND id::text = ANY(${ids})`;
  });
});
