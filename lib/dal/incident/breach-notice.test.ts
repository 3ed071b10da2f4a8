import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { handleAccountJob } from "@/lib/jobs/account-handlers";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import type { MailMessage } from "@/lib/mail/transport";
import { deliverBreachNotice, listBreachNotices } from "./breach-delivery";
import { previewBreachNotice, sendBreachNotice } from "./breach-notice";
import { incidentFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

const { context, staffActor, staleStepUp, auditEntries, users } = incidentFixtures("breach-notice");
const reason = "INC-47: notify customers whose addresses were exposed";
const template = { subject: "Security notice from {{shopName}}", body: "Dear {{name}},\n\nWe found that your address may have been exposed.\n\nNo payment data was affected." };

const jobsOf = (noticeId: string) =>
  db.$queryRaw<{ data: Record<string, unknown> }[]>`
    SELECT j.data FROM pgboss.job j JOIN "BreachNoticeRecipient" r ON r.id = j.data->>'recipientId' WHERE j.name = 'account' AND r."noticeId" = ${noticeId}`;

afterAll(async () => {
  await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'account' AND data->>'recipientId' IN (
    SELECT r.id FROM "BreachNoticeRecipient" r JOIN "BreachNotice" n ON n.id = r."noticeId" WHERE n.reason = ${reason})`;
  await db.breachNotice.deleteMany({ where: { reason } });
});

describe("breach notices (incident tool 5)", () => {
  it("refuses an admin, a missing reason, a stale step-up and an unknown placeholder; nothing is created", async () => {
    const customer = await users.createUser({ kind: "customer" });
    const input = { ...template, cohort: { kind: "list" as const, emails: [customer.email] }, reason };
    await expect(sendBreachNotice(await staffActor("admin"), input, context)).rejects.toBeInstanceOf(PermissionDeniedError);
    const owner = await staffActor("owner");
    expect(await sendBreachNotice(owner, { ...input, reason: "" }, context)).toEqual({ ok: false, code: "reason_invalid" });
    expect(await sendBreachNotice({ ...owner, viewer: { ...owner.viewer, ...staleStepUp } }, input, context)).toEqual({ ok: false, code: "step_up_required" });
    expect(await sendBreachNotice(owner, { ...input, body: "Hello {{password}}" }, context)).toEqual({ ok: false, code: "template_invalid" });
    expect(await auditEntries("incident.breach_notice_sent")).toHaveLength(0);
  });

  it("previews with the placeholders filled and names the unknown ones", () => {
    const preview = previewBreachNotice(template, "Robin");
    if ("error" in preview) throw new Error("unexpected");
    expect(preview.text).toContain("Dear Robin,");
    expect(preview.subject).toMatch(/^Security notice from /);
    expect(previewBreachNotice({ subject: "x", body: "{{token}} {{name}}" })).toEqual({ error: ["token"] });
  });

  it("queues one job per recipient naming only the row, stores addresses encrypted, delivers once and counts", async () => {
    const owner = await staffActor("owner");
    const customer = await users.createUser({ kind: "customer", name: "Casey Customer" });
    const guestEmail = `guest-${customer.id}@example.test`;
    const result = await sendBreachNotice(owner, { ...template, cohort: { kind: "list", emails: [customer.email, guestEmail, customer.email.toUpperCase()] }, reason }, context);
    if (!result.ok) throw new Error(result.code);
    expect(result.recipients).toBe(2);

    const rows = await db.breachNoticeRecipient.findMany({ where: { noticeId: result.noticeId } });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.email).toMatch(/^v\d+\./);
    expect(JSON.stringify(rows)).not.toContain(customer.email);
    const jobs = await jobsOf(result.noticeId);
    expect(jobs).toHaveLength(2);
    expect(JSON.stringify(jobs)).not.toContain("@");
    const [entry] = await auditEntries("incident.breach_notice_sent");
    expect(entry).toMatchObject({ actorId: owner.viewer.userId, reason, targetId: result.noticeId });
    expect(entry?.after).toMatchObject({ cohort: "list", listed: 3, recipients: 2 });
    expect(JSON.stringify(entry?.after)).not.toContain(customer.email);

    const sent: MailMessage[] = [];
    const send = vi.fn(async (message: MailMessage) => void sent.push(message));
    const mine = rows.find((row) => row.userId === customer.id);
    const guest = rows.find((row) => row.userId === null);
    expect(await deliverBreachNotice(mine!.id, send)).toBe("sent");
    expect(await deliverBreachNotice(mine!.id, send)).toBe("skipped");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: customer.email });
    expect(sent[0]?.text).toContain("Dear Casey Customer,");

    await expect(deliverBreachNotice(guest!.id, async () => Promise.reject(new Error("smtp down")))).rejects.toThrow("smtp down");
    const [summary] = (await listBreachNotices(owner.viewer)).filter((notice) => notice.id === result.noticeId);
    expect(summary).toMatchObject({ recipients: 2, sent: 1, failed: 1, pending: 0 });
    await expect(listBreachNotices((await staffActor("admin")).viewer)).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it("the account queue handles a breach-notice job; a job for an erased recipient sends nothing", async () => {
    await expect(handleAccountJob({ kind: "breach-notice", recipientId: "no-such-recipient" })).resolves.toBeUndefined();
  });

  it("a window cohort finds the customers who ordered in it, and no one else", async () => {
    const owner = await staffActor("owner");
    // A window of its own, long past, so other suites' orders are never in it.
    const placedAt = new Date(Date.UTC(2001, 0, 1) + Math.floor(Math.random() * 86_400_000));
    const buyer = await users.createUser({ kind: "customer" });
    await users.createUser({ kind: "customer" });
    const id = `breach-${buyer.id}`.slice(0, 30);
    await db.order.create({
      data: {
        id, number: id.slice(-20).toUpperCase(), userId: buyer.id, paymentStatus: "paid", currency: "USD", subtotalMinor: 1000, shippingMinor: 0, taxMinor: 0,
        totalMinor: 1000, shippingMethod: "standard", shipCountry: "DE", reservationExpiresAt: placedAt, createdAt: placedAt,
      },
    });
    const window = { kind: "customers_with_orders" as const, from: placedAt, to: new Date(placedAt.getTime() + 1) };
    const found = await sendBreachNotice(owner, { ...template, cohort: window, reason }, context);
    await db.order.delete({ where: { id } });
    if (!found.ok) throw new Error(found.code);
    expect(found.recipients).toBe(1);
    expect(await db.breachNoticeRecipient.findMany({ where: { noticeId: found.noticeId }, select: { userId: true } })).toEqual([{ userId: buyer.id }]);

    const from = new Date(Date.now() + 86_400_000);
    const result = await sendBreachNotice(owner, { ...template, cohort: { kind: "customers_with_orders", from, to: new Date(from.getTime() + 1000) }, reason }, context);
    expect(result).toEqual({ ok: false, code: "no_recipients" });
    expect(await sendBreachNotice(owner, { ...template, cohort: { kind: "customers_with_orders", from, to: from }, reason }, context)).toEqual({ ok: false, code: "window_invalid" });
  });
});
