import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { waitForMail } from "@/e2e/support/mailbox";
import { startSmtpReceiver, type SmtpReceiver } from "@/e2e/support/smtp-receiver";
import { erasedAccountEmail } from "@/lib/accounts/erased-account";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { env } from "@/lib/env";
import { createMailSender, type MailSender } from "@/lib/mail/transport";
import { queueCustomerOrderMail } from "./customer-mail";
import { orderFixtures, testAddress, testCheckoutSettings } from "./test-fixtures";
import { placeOrder } from "./orders";
import type { OrderNoticeInput } from "@/lib/orders/order-notice";
import { handleOrderJob } from "@/lib/jobs/order-handlers";
import { createOrderMailJobHandler, orderMailJobSchemas } from "@/lib/jobs/order-mail-handlers";
import { PermanentJobError } from "@/lib/jobs/job-types";

requireTestDatabaseUrl();

const { createProduct, customer, fillCart } = orderFixtures();
let dir: string;
let smtp: SmtpReceiver;
let sender: MailSender;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "order-mail-"));
  smtp = await startSmtpReceiver({ port: 0, dir });
  sender = createMailSender({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: "Shop <no-reply@shop.example>", mailboxDir: dir, production: true, devMailbox: false });
});
afterAll(async () => {
  sender.close();
  await smtp.stop();
  await rm(dir, { recursive: true, force: true });
});

async function placedOrder() {
  const buyer = await customer();
  const product = await createProduct({ priceMinor: 2000 });
  await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);
  const { orderId, number } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
  return { orderId, number, userId: buyer.userId, email: buyer.user.email };
}

/** Queues the notice as the DAL does, and returns the job exactly as the worker would receive it. */
async function queuedJob(orderId: string, notice: OrderNoticeInput) {
  await db.$transaction((tx) => queueCustomerOrderMail(tx, orderId, notice));
  const [row] = await db.$queryRaw<{ data: unknown }[]>`
    SELECT data FROM pgboss.job WHERE name = 'orders' AND data->>'orderId' = ${orderId} ORDER BY created_on DESC, id DESC LIMIT 1`;
  return z.union(orderMailJobSchemas).parse(row?.data);
}

describe("customer order mail job", () => {
  it("delivers the notice to the account's address over SMTP, linking to the account's order page", async () => {
    const { orderId, number, email } = await placedOrder();
    const job = await queuedJob(orderId, { kind: "shipped", carrier: "fedex", trackingNumber: "7489 <b>" });
    await createOrderMailJobHandler(sender.send)(job);
    const mail = await waitForMail({ to: email, dir, timeoutMs: 5000 });
    expect(mail.subject).toBe(`Order ${number} is on its way · ${env.SHOP_NAME}`);
    expect(mail.text).toContain(`${env.SITE_URL}/account/orders/${orderId}`);
    expect(mail.text).toContain("https://www.fedex.com/fedextrack/?trknbr=7489%20%3Cb%3E");
    expect(mail.html).toContain("Tracking number: 7489 &lt;b&gt;");
  });

  it("sends nothing for an erased account", async () => {
    const { orderId, userId, email } = await placedOrder();
    const job = await queuedJob(orderId, { kind: "delivered" });
    // What erasure leaves: the row, anonymised, with the placeholder address.
    await db.user.update({ where: { id: userId }, data: { email: erasedAccountEmail(), name: "Deleted customer" } });
    const send = vi.fn(sender.send);
    await createOrderMailJobHandler(send)(job);
    expect(send).not.toHaveBeenCalled();
    await expect(waitForMail({ to: email, dir, timeoutMs: 500 })).rejects.toThrow(/No mail/);
  });

  it("sends nothing for an order without an account", async () => {
    const { orderId } = await placedOrder();
    const job = await queuedJob(orderId, { kind: "cancelled" });
    await db.order.update({ where: { id: orderId }, data: { userId: null } });
    const send = vi.fn(sender.send);
    await createOrderMailJobHandler(send)(job);
    expect(send).not.toHaveBeenCalled();
  });

  it("throws when the mail server refuses, so the job is retried", async () => {
    const { orderId } = await placedOrder();
    const job = await queuedJob(orderId, { kind: "delivered" });
    await expect(createOrderMailJobHandler(() => Promise.reject(new Error("421 try later")))(job)).rejects.toThrow(/421/);
  });

  it("dead-letters a job whose notice is malformed, or that carries an address instead of ids", async () => {
    await expect(handleOrderJob({ type: "customer-order-mail", orderId: "x", notice: { kind: "refunded", amountMinor: -5, full: true } })).rejects.toBeInstanceOf(
      PermanentJobError,
    );
    await expect(handleOrderJob({ type: "customer-order-mail", to: "a@example.com", notice: { kind: "delivered" } })).rejects.toBeInstanceOf(PermanentJobError);
  });
});
