import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { testGateway } from "@/lib/payment-gateway/test-gateway";
import { chargeObject, checkoutSessionObject } from "@/lib/payments/test-gateway/stripe-objects";
import { delivered, pendingOrders } from "@/lib/dal/payments/event-fixtures";
import { processPaymentEvent } from "@/lib/dal/payments/events";
import { queueCustomerOrderMail } from "./customer-mail";
import { cancelOrderForStaff } from "./staff-orders";
import { orderFixtures, queuedNotices } from "./test-fixtures";

requireTestDatabaseUrl();

const fixtures = orderFixtures();
const pendingOrder = pendingOrders(fixtures, testGateway);
const context = { ip: "192.0.2.11", userAgent: "Stripe/1.0", requestId: "req-customer-mail" };

async function paidOrder() {
  const pending = await pendingOrder();
  expect(await processPaymentEvent(delivered("checkout.session.completed", checkoutSessionObject(pending.state)), context)).toBe("applied");
  return pending;
}

describe("customer order mail from the refund webhook", () => {
  it("queues a refunded notice with this refund's amount: a partial one, then the rest in full", async () => {
    const { orderId, state, email } = await paidOrder();
    const refunded = (amountRefunded: number) => delivered("charge.refunded", chargeObject({ ...state, amountRefunded }));
    expect(await processPaymentEvent(refunded(1000), context)).toBe("applied");
    expect(await processPaymentEvent(refunded(4950), context)).toBe("applied");
    const jobs = await queuedNotices(orderId);
    expect(jobs.map((job) => job.notice)).toEqual([
      { kind: "refunded", amountMinor: 1000, full: false },
      { kind: "refunded", amountMinor: 3950, full: true },
    ]);
    // Ids and the notice only: no address, no link.
    expect(JSON.stringify(jobs)).not.toContain(email);
    expect(JSON.stringify(jobs)).not.toMatch(/https?:/);
  });

  it("queues nothing for a refund event that changes nothing (an older total arriving late)", async () => {
    const { orderId, state } = await paidOrder();
    await processPaymentEvent(delivered("charge.refunded", chargeObject({ ...state, amountRefunded: 4950 })), context);
    expect(await processPaymentEvent(delivered("charge.refunded", chargeObject({ ...state, amountRefunded: 1000 })), context)).toBe("ignored");
    expect((await queuedNotices(orderId)).map((job) => job.notice)).toEqual([{ kind: "refunded", amountMinor: 4950, full: true }]);
  });
});

describe("customer order mail when staff cancel an order", () => {
  it("queues a cancelled notice without the staff's internal reason", async () => {
    const { orderId } = await pendingOrder();
    const support = await fixtures.staffMember("support");
    expect(await cancelOrderForStaff(support, { orderId, reason: "Internal: suspected reseller" }, null, context)).toEqual({ ok: true });
    const jobs = await queuedNotices(orderId);
    expect(jobs.map((job) => job.notice)).toEqual([{ kind: "cancelled" }]);
    expect(JSON.stringify(jobs)).not.toContain("reseller");
  });

  it("queues nothing when the cancel is refused", async () => {
    const { orderId } = await paidOrder();
    const support = await fixtures.staffMember("support");
    expect((await cancelOrderForStaff(support, { orderId, reason: "Too late" }, null, context)).ok).toBe(false);
    expect(await queuedNotices(orderId)).toEqual([]);
  });
});

describe("queueCustomerOrderMail", () => {
  it("refuses a malformed notice, and the change it came with rolls back", async () => {
    const { orderId } = await pendingOrder();
    const attempt = db.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { holdReason: "should roll back" } });
      await queueCustomerOrderMail(tx, orderId, { kind: "shipped", carrier: "pigeon" as "ups", trackingNumber: "1" });
    });
    await expect(attempt).rejects.toThrow();
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).holdReason).toBeNull();
    expect(await queuedNotices(orderId)).toEqual([]);
  });
});
