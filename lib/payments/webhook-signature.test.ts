import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkoutSessionObject, stripeEvent, type TestCheckoutState } from "./test-gateway/stripe-objects";
import { signWebhookPayload, verifyWebhook, WEBHOOK_TOLERANCE_SECONDS } from "./webhook-signature";

const secret = "whsec_signature_suite_secret_value";
const now = Math.floor(Date.now() / 1000);

const state: TestCheckoutState = {
  id: "cs_test_signature",
  orderId: "order-1",
  orderNumber: "ORD-TEST",
  paymentIntentId: "pi_test_signature",
  chargeId: "ch_test_signature",
  currency: "USD",
  amountTotal: 4950,
  amountDiscount: 0,
  amountRefunded: 0,
  customerEmail: null,
  successUrl: "http://shop.test/s",
  cancelUrl: "http://shop.test/c",
  status: "complete",
  paymentStatus: "paid",
  createdAt: new Date(),
  expiresAt: new Date(Date.now() + 3_600_000),
};

const payload = JSON.stringify(stripeEvent("checkout.session.completed", checkoutSessionObject(state)));

describe("webhook signature verification", () => {
  it("accepts a delivery signed with the endpoint secret, as Stripe signs it", () => {
    // Stripe's scheme, written out: t=<time>,v1=HMAC-SHA256(secret, "<time>.<raw body>") in hex.
    const v1 = createHmac("sha256", secret).update(`${now}.${payload}`).digest("hex");
    expect(signWebhookPayload(payload, secret, now)).toBe(`t=${now},v1=${v1}`);
    const verified = verifyWebhook(payload, `t=${now},v1=${v1}`, secret);
    expect(verified).toMatchObject({ ok: true, event: { type: "checkout.session.completed", data: { object: { amount_total: 4950 } } } });
  });

  it("refuses an unsigned delivery", () => {
    expect(verifyWebhook(payload, null, secret)).toEqual({ ok: false, reason: "unsigned" });
  });

  it("refuses a signature made with another secret", () => {
    expect(verifyWebhook(payload, signWebhookPayload(payload, "whsec_someone_elses_secret"), secret)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses a body changed after signing (a tampered amount)", () => {
    const header = signWebhookPayload(payload, secret);
    const tampered = payload.replace('"amount_total":4950', '"amount_total":1');
    expect(tampered).not.toBe(payload);
    expect(verifyWebhook(tampered, header, secret)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a replay older than the tolerance, and accepts one just inside it", () => {
    const stale = signWebhookPayload(payload, secret, now - WEBHOOK_TOLERANCE_SECONDS - 5);
    expect(verifyWebhook(payload, stale, secret)).toEqual({ ok: false, reason: "bad_signature" });
    const recent = signWebhookPayload(payload, secret, now - WEBHOOK_TOLERANCE_SECONDS + 30);
    expect(verifyWebhook(payload, recent, secret).ok).toBe(true);
  });

  it("refuses a garbled signature header", () => {
    expect(verifyWebhook(payload, "t=abc,v1=zz", secret)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a signed body that is not JSON, or not a well-formed event", () => {
    expect(verifyWebhook("not json", signWebhookPayload("not json", secret), secret)).toEqual({ ok: false, reason: "malformed" });
    const broken = JSON.stringify({ id: "evt_1", type: "checkout.session.completed", created: now, livemode: false, data: { object: { object: "checkout.session", id: "cs_1", amount_total: -5 } } });
    expect(verifyWebhook(broken, signWebhookPayload(broken, secret), secret)).toEqual({ ok: false, reason: "malformed" });
  });

  it("verifies an event type the shop does not handle without parsing it", () => {
    const other = JSON.stringify({ id: "evt_other", type: "customer.created", created: now, livemode: false, data: { object: {} } });
    expect(verifyWebhook(other, signWebhookPayload(other, secret), secret)).toEqual({ ok: true, event: null, type: "customer.created", id: "evt_other" });
  });
});
