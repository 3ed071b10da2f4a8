/**
 * The body of `npm run bench:checkout` (started by bench-checkout.ts with
 * DATABASE_URL pointing at a throw-away database). Seeds with pg directly
 * (set-up, not shop code); everything measured is the shop's own DAL:
 * placeOrder + startPayment through the offline test gateway ("create
 * checkout"), and webhook events signed, verified and processed.
 */
import { randomUUID } from "node:crypto";
import pLimit from "p-limit";
import pg from "pg";
import { placeOrder, startPayment } from "@/lib/dal/orders/orders";
import { processPaymentEvent } from "@/lib/dal/payments/events";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { env } from "@/lib/env";
import { flatPricingRules } from "@/lib/payments/flat-pricing";
import { jobSender, stopJobSender } from "@/lib/queue/sender";
import { testGateway } from "@/lib/payment-gateway/test-gateway";
import { checkoutSessionObject, stripeEvent } from "@/lib/payments/test-gateway/stripe-objects";
import { signWebhookPayload, verifyWebhook } from "@/lib/payments/webhook-signature";
import { percentile } from "./auth-bench-client";

const BUYERS = 1000;
const CONCURRENCY = 20;
const SCARCE_BUYERS = 100;
const SCARCE_UNITS = 10;
const WEBHOOK_CONCURRENCY = 10;
const SECRET = "whsec_bench_only_secret";
// The benchmark measures checkout itself: the hoarding caps (tested on their own) would only get in its way.
const benchLimits = { openOrdersPerAccount: 1_000_000, openOrdersPerAddress: 1_000_000, unitsPerProduct: 1_000_000 };
const settings = { pricing: flatPricingRules(495, 1495, 825), reservationMinutes: 30, limits: benchLimits };
const urls = (orderId: string) => ({ successUrl: `http://bench.test/checkout/success?order=${orderId}`, cancelUrl: "http://bench.test/cart" });
const address = { newAddress: { recipientName: "Bench Buyer", line1: "1 Bench Street", line2: null, city: "Springfield", region: "IL", postalCode: "62704", country: "US", phone: null, isDefault: false }, save: false };

const client = new pg.Client({ connectionString: env.DATABASE_URL });
await client.connect();

/** A product with one variant (no options); returns the variant's id, what carts hold. */
async function product(stock: number, maxPerOrder: number, priceMinor: number): Promise<string> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "Product" (id, slug, name, description, "priceMinor", currency, "imagePath", "categoryId", "updatedAt")
     VALUES ($1, $1, $2, 'Bench product', $3, 'USD', '/x.svg', $4, now())`,
    [id, `Bench product ${priceMinor}`, priceMinor, categoryId],
  );
  await client.query(
    `INSERT INTO "ProductVariant" (id, "productId", sku, "optionValues", "priceMinor", stock, "maxPerOrder", "updatedAt")
     VALUES ($1, $1, upper($1), '{}', $2, $3, $4, now())`,
    [id, priceMinor, stock, maxPerOrder],
  );
  return id;
}

/** Buyers with a verified account and a cart holding `lines`. */
async function buyers(count: number, lines: { variantId: string; quantity: number }[]): Promise<ActiveSession[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "emailVerifiedAt", "updatedAt")
     SELECT id, id || '@bench.test', 'Bench Buyer', 'not-a-hash', now(), now() FROM unnest($1::text[]) AS u(id)`,
    [ids],
  );
  await client.query(`INSERT INTO "Cart" (id, "userId", "updatedAt") SELECT id, id, now() FROM unnest($1::text[]) AS u(id)`, [ids]);
  for (const line of lines) {
    await client.query(
      `INSERT INTO "CartItem" (id, "cartId", "variantId", quantity, "updatedAt")
       SELECT gen_random_uuid()::text, id, $2, $3, now() FROM unnest($1::text[]) AS u(id)`,
      [ids, line.variantId, line.quantity],
    );
  }
  return ids.map((userId) => ({
    sessionId: "bench",
    userId,
    audience: "customer",
    persistent: false,
    secondFactorPending: false,
    reauthenticatedAt: null,
    assurance: { method: "password", passwordVerifiedAt: null, secondFactorVerifiedAt: null },
    user: { name: "Bench Buyer", email: `${userId}@bench.test`, emailVerified: true, twoFactorEnabled: false },
  }));
}

async function createCheckout(viewer: ActiveSession): Promise<string> {
  const { orderId } = await placeOrder(viewer, { shippingRateId: "standard", address }, settings);
  await startPayment(viewer, orderId, testGateway, urls);
  return orderId;
}

/** checkout.session.completed for each order, as the test gateway would send it when the shopper pays. */
async function paidEvents(orderIds: string[]): Promise<string[]> {
  const { rows } = await client.query(`SELECT * FROM "TestGatewaySession" WHERE "orderId" = ANY($1::text[])`, [orderIds]);
  return rows.map((row) => JSON.stringify(stripeEvent("checkout.session.completed", checkoutSessionObject({ ...row, status: "complete", paymentStatus: "paid" }))));
}

async function deliver(payload: string) {
  const verified = verifyWebhook(payload, signWebhookPayload(payload, SECRET), SECRET);
  if (!verified.ok || !verified.event) throw new Error("bench event did not verify");
  return processPaymentEvent(verified.event, { ip: "127.0.0.1", userAgent: "bench" });
}

const { rows: [category] } = await client.query(
  `INSERT INTO "Category" (id, slug, name, description) VALUES ('bench', 'bench', 'Bench', 'Bench') RETURNING id`,
);
const categoryId = (category as { id: string }).id;
await jobSender(); // installs the job queues before the first transaction needs them

// 1. Create checkout at 20 concurrent buyers.
const [speaker, cable] = [await product(1_000_000, 10, 2500), await product(1_000_000, 10, 999)];
const crowd = await buyers(BUYERS, [
  { variantId: speaker, quantity: 1 },
  { variantId: cable, quantity: 2 },
]);
const limit = pLimit(CONCURRENCY);
const latencies: number[] = [];
let started = performance.now();
const orderIds = await Promise.all(
  crowd.map((viewer) =>
    limit(async () => {
      const t0 = performance.now();
      const id = await createCheckout(viewer);
      latencies.push(performance.now() - t0);
      return id;
    }),
  ),
);
const checkoutSeconds = (performance.now() - started) / 1000;

// 2. Scarce stock: 100 buyers at once for 10 units, then every placed order pays.
const scarce = await product(SCARCE_UNITS, 1, 4900);
const rush = await buyers(SCARCE_BUYERS, [{ variantId: scarce, quantity: 1 }]);
const attempts = await Promise.allSettled(rush.map((viewer) => createCheckout(viewer)));
const placed = attempts.flatMap((attempt) => (attempt.status === "fulfilled" ? [attempt.value] : []));
const outcomes = await Promise.all((await paidEvents(placed)).map(deliver));
const { rows: [sold] } = await client.query(
  `SELECT COALESCE(SUM(i.quantity), 0)::int AS units, (SELECT stock FROM "ProductVariant" WHERE id = $1) AS stock
     FROM "OrderItem" i JOIN "Order" o ON o.id = i."orderId" WHERE i."variantId" = $1 AND o."paymentStatus" = 'paid'`,
  [scarce],
);
const { units, stock } = sold as { units: number; stock: number };

// 3. Webhook events processed per second (signature check + ledger + locked order transition).
const events = await paidEvents(orderIds);
const webhookLimit = pLimit(WEBHOOK_CONCURRENCY);
started = performance.now();
const applied = (await Promise.all(events.map((payload) => webhookLimit(() => deliver(payload))))).filter((outcome) => outcome === "applied");
const webhookSeconds = (performance.now() - started) / 1000;

console.log(`\nCheckout benchmark (pool ${env.DATABASE_POOL_SIZE} connections, offline test gateway)`);
console.log(`  create checkout               ${BUYERS} orders at ${CONCURRENCY} concurrent buyers in ${checkoutSeconds.toFixed(1)} s`);
console.log(`  orders created per second     ${Math.round(BUYERS / checkoutSeconds)}`);
console.log(`  create checkout latency       p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms`);
console.log(`  scarce stock                  ${SCARCE_BUYERS} buyers for ${SCARCE_UNITS} units: ${outcomes.filter((o) => o === "applied").length} paid, ${SCARCE_BUYERS - placed.length} refused, ${Math.max(0, units - SCARCE_UNITS)} oversold (stock left ${stock})`);
console.log(`  webhook events per second     ${Math.round(applied.length / webhookSeconds)} (${applied.length} of ${events.length} applied, ${WEBHOOK_CONCURRENCY} concurrent)`);

await stopJobSender();
await client.end();
process.exit(units > SCARCE_UNITS || stock < 0 || applied.length !== BUYERS ? 1 : 0);
