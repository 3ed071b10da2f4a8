import { afterAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/webhooks/stripe/route";
import { ipKey } from "@/lib/auth/rate-limit/keys";
import { refusalPolicies } from "@/lib/auth/rate-limit/refusal-limits";
import { closeLimiterStore, defaultLimiterStore } from "@/lib/auth/rate-limit/store";
import { randomIp } from "@/lib/auth/rate-limit/test-support";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { signWebhookPayload } from "@/lib/payments/webhook-signature";

const { SECRET } = vi.hoisted(() => ({ SECRET: "whsec_route_test_0123456789abcdef" }));

// The route runs outside a Next request here: no request headers, and a webhook secret of the test's own.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, env: { ...original.env, STRIPE_WEBHOOK_SECRET: SECRET } };
});

requireTestDatabaseUrl();

const ip = randomIp();
const subject = ipKey(ip) ?? "";

afterAll(async () => {
  await db.securityEvent.deleteMany({ where: { type: "payment_webhook_rejected", ip } });
  await db.refusalCount.deleteMany({ where: { subject } });
  await db.$executeRaw`DELETE FROM rate_limits WHERE key LIKE ${`%${subject}%`}`;
  await closeLimiterStore(defaultLimiterStore());
  await db.$disconnect();
});

function delivery(body: string, secret: string): Request {
  return new Request("http://shop.test/api/webhooks/stripe", {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signWebhookPayload(body, secret), "x-forwarded-for": ip },
    body,
  });
}

/** A delivery signed with another secret: what anyone without the endpoint's secret can send. */
const forgedDelivery = (n: number) =>
  delivery(JSON.stringify({ id: `evt_forged_${n}`, type: "checkout.session.completed", data: { object: {} } }), "whsec_not_the_shops_secret_00");

// Through the route handler itself: a forged delivery is refused exactly as Stripe's endpoint refuses it.
describe("rejected webhook deliveries do not amplify writes", () => {
  it("answers 1,000 forged deliveries with 400 and writes a handful of rows", async () => {
    // The endpoint is configured: a delivery signed with its secret is accepted (an event type the shop ignores).
    const genuine = await POST(delivery(JSON.stringify({ id: "evt_genuine", type: "customer.created", data: { object: {} } }), SECRET));
    expect(genuine.status).toBe(200);

    const statuses = new Set<number>();
    for (let n = 0; n < 1000; n += 1) statuses.add((await POST(forgedDelivery(n))).status);
    expect([...statuses]).toEqual([400]);

    const events = await db.securityEvent.count({ where: { type: "payment_webhook_rejected", ip } });
    const counters = await db.refusalCount.findMany({ where: { kind: "payment_webhook_rejected", subject }, select: { detail: true, count: true } });
    const limiterRows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM rate_limits WHERE key LIKE ${`%${subject}%`}`;
    // One event and one counter per window (a window may turn over during the run), at most one limiter row.
    expect(events).toBeGreaterThanOrEqual(1);
    expect(events).toBeLessThanOrEqual(2);
    expect(counters.length).toBe(events);
    expect(counters.every((counter) => counter.detail === "bad_signature")).toBe(true);
    // (No row at all when the limiter's store is Redis.)
    expect(Number(limiterRows[0]?.n)).toBeLessThanOrEqual(1);
    // The counter holds every refusal up to the sender's limit; past it nothing was written.
    const counted = counters.reduce((sum, counter) => sum + counter.count, 0);
    expect(counted).toBe(refusalPolicies().payment_webhook_rejected.points);
  });
});
