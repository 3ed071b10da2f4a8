import { describe, expect, it, vi } from "vitest";
import type * as Permissions from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { testGateway } from "@/lib/payment-gateway/test-gateway";
import { env } from "@/lib/env";
import { checkoutSessionObject } from "@/lib/payments/test-gateway/stripe-objects";
import { delivered, pendingOrders } from "@/lib/dal/payments/event-fixtures";
import { processPaymentEvent } from "@/lib/dal/payments/events";
import { getMyNotificationPreferences, setMyNewOrderNotifications } from "@/lib/dal/staff/notifications";
import { fanOutNewOrderStaffMail } from "./staff-order-mail";
import { orderFixtures } from "./test-fixtures";

// None of today's roles lacks orders:read; here one does, to show the mail follows the permission table.
vi.mock("@/lib/auth/permissions", async (importOriginal) => {
  const actual = await importOriginal<typeof Permissions>();
  const can: typeof actual.can = (role, permission) => !(role === "catalog_manager" && permission === "orders:read") && actual.can(role, permission);
  return { ...actual, can };
});

requireTestDatabaseUrl();

const fixtures = orderFixtures();
const pendingOrder = pendingOrders(fixtures, testGateway);
const context = { ip: "192.0.2.12", userAgent: "vitest staff mail", requestId: "req-staff-mail" };

const mailsTo = (email: string) =>
  db.$queryRaw<{ subject: string; text: string }[]>`
    SELECT data->>'subject' AS subject, data->>'text' AS text FROM pgboss.job WHERE name = 'mail' AND data->>'to' = ${email}`;

async function optedIn(role: Parameters<typeof fixtures.staffMember>[0]) {
  const member = await fixtures.staffMember(role);
  await setMyNewOrderNotifications(member, true, context);
  return member;
}

describe("new-order mail to staff", () => {
  it("queues one staff job when an order becomes paid", async () => {
    const { orderId, state } = await pendingOrder();
    await processPaymentEvent(delivered("checkout.session.completed", checkoutSessionObject(state)), context);
    const jobs = await db.$queryRaw<{ data: unknown }[]>`
      SELECT data FROM pgboss.job WHERE name = 'orders' AND data->>'type' = 'staff-new-order-mail' AND data->>'orderId' = ${orderId}`;
    expect(jobs.map((job) => job.data)).toEqual([{ type: "staff-new-order-mail", orderId }]);
  });

  it("mails opted-in active staff holding orders:read, and nobody else", async () => {
    const { orderId, email: customerEmail } = await pendingOrder();
    const number = (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { number: true } })).number;
    const fulfilment = await optedIn("fulfilment");
    const withoutPermission = await optedIn("catalog_manager");
    const deactivated = await optedIn("support");
    await db.user.update({ where: { id: deactivated.userId }, data: { deactivatedAt: new Date() } });
    const notOptedIn = await fixtures.staffMember("admin");
    const customer = await fixtures.customer();
    await db.user.update({ where: { id: customer.userId }, data: { notifyNewOrders: true } });

    await fanOutNewOrderStaffMail(orderId);

    const [mail, ...more] = await mailsTo(fulfilment.email);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`New order ${number} · ${env.SHOP_NAME}`);
    expect(mail?.text).toContain("2 items, $49.50 in total");
    expect(mail?.text).toContain(`${env.SITE_URL}/admin/orders/${orderId}`);
    expect(mail?.text).not.toContain(customerEmail);
    expect(mail?.text).not.toContain("Ada Shopper");
    for (const nobody of [withoutPermission.email, deactivated.email, notOptedIn.email, customer.user.email]) expect(await mailsTo(nobody)).toEqual([]);
  });
});

describe("the new-order preference", () => {
  it("is off by default, switches on and off for oneself, and audits each change once", async () => {
    const member = await fixtures.staffMember("support");
    expect(await getMyNotificationPreferences(member)).toEqual({ newOrders: false, newOrdersAvailable: true });
    await setMyNewOrderNotifications(member, true, context);
    await setMyNewOrderNotifications(member, true, context);
    expect((await getMyNotificationPreferences(member)).newOrders).toBe(true);
    await setMyNewOrderNotifications(member, false, context);
    expect((await getMyNotificationPreferences(member)).newOrders).toBe(false);
    const audits = await db.auditEntry.findMany({ where: { targetType: "user", targetId: member.userId }, orderBy: { id: "asc" } });
    expect(audits.map((entry) => [entry.action, entry.actorId, entry.after])).toEqual([
      ["staff.notifications_changed", member.userId, { notifyNewOrders: true }],
      ["staff.notifications_changed", member.userId, { notifyNewOrders: false }],
    ]);
  });

  it("tells a role without orders:read that the mail would not reach it", async () => {
    expect((await getMyNotificationPreferences(await fixtures.staffMember("catalog_manager"))).newOrdersAvailable).toBe(false);
  });
});
