/**
 * The body of `npm run bench:crypto` (started by bench-crypto.ts with
 * DATABASE_URL set): per-value encrypt and decrypt cost, and what decryption
 * adds to a page of 50 orders: the shop's own DAL reading 50 orders with their
 * address snapshots decrypted, against the same read with decryption skipped.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { listMyOrderDetails } from "@/lib/dal/orders/my-orders";
import { placeOrder } from "@/lib/dal/orders/orders";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { env } from "@/lib/env";
import { flatPricingRules } from "@/lib/payments/flat-pricing";
import { jobSender, stopJobSender } from "@/lib/queue/sender";
import { percentile } from "./auth-bench-client";
import { fieldCryptoTimings } from "./crypto-timing";

const ORDERS = 50;
const ROUNDS = 300;
const SAMPLES = 10_000;
// The benchmark measures checkout itself: the hoarding caps (tested on their own) would only get in its way.
const benchLimits = { openOrdersPerAccount: 1_000_000, openOrdersPerAddress: 1_000_000, unitsPerProduct: 1_000_000 };
const settings = { pricing: flatPricingRules(495, 1495, 0), reservationMinutes: 30, limits: benchLimits };
const address = {
  recipientName: "Bench Customer With A Long Name",
  line1: "1600 Pennsylvania Avenue NW",
  line2: "Suite 100",
  city: "Washington",
  region: "DC",
  postalCode: "20500",
  country: "US",
  phone: "+1 202 555 0100",
  isDefault: false,
};

const client = new pg.Client({ connectionString: env.DATABASE_URL });
await client.connect();
const userId = randomUUID();
const productId = randomUUID();
await client.query(`INSERT INTO "Category" (id, slug, name, description) VALUES ('bench', 'bench', 'Bench', 'Bench')`);
await client.query(
  `INSERT INTO "Product" (id, slug, name, description, "priceMinor", currency, "imagePath", "categoryId", "updatedAt")
   VALUES ($1, $1, 'Bench product', 'Bench', 2500, 'USD', '/x.svg', 'bench', now())`,
  [productId],
);
// Its one variant shares its id: carts hold variants.
await client.query(
  `INSERT INTO "ProductVariant" (id, "productId", sku, "optionValues", "priceMinor", stock, "updatedAt") VALUES ($1, $1, 'BENCH', '{}', 2500, 1000000, now())`,
  [productId],
);
await client.query(
  `INSERT INTO "User" (id, email, name, "passwordHash", "emailVerifiedAt", "updatedAt") VALUES ($1, $1 || '@bench.test', 'Bench', 'x', now(), now())`,
  [userId],
);
await client.query(`INSERT INTO "Cart" (id, "userId", "updatedAt") VALUES ($1, $1, now())`, [userId]);
const viewer: ActiveSession = {
  sessionId: "bench",
  userId,
  audience: "customer",
  persistent: false,
  secondFactorPending: false,
  reauthenticatedAt: null,
  assurance: { method: "password", passwordVerifiedAt: null, secondFactorVerifiedAt: null },
  user: { name: "Bench", email: `${userId}@bench.test`, emailVerified: true, twoFactorEnabled: false },
};
await jobSender();
for (let i = 0; i < ORDERS; i += 1) {
  await client.query(`INSERT INTO "CartItem" (id, "cartId", "variantId", quantity, "updatedAt") VALUES ($1, $2, $3, 1 + $4 % 3, now())`, [
    randomUUID(),
    userId,
    productId,
    i,
  ]);
  await placeOrder(viewer, { shippingRateId: "standard", address: { newAddress: { ...address, line1: `${i + 1} ${address.line1}` }, save: false } }, settings);
}

/** Milliseconds to read and serialise the page (the JSON stands in for the RSC payload), p50 and p95 over ROUNDS. */
async function timePage(withAddresses: boolean) {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS + 20; round += 1) {
    const start = performance.now();
    const orders = await listMyOrderDetails(viewer, { take: ORDERS, withAddresses });
    JSON.stringify(orders);
    if (orders.length !== ORDERS || (withAddresses && orders.some((order) => !order.shippingAddress))) throw new Error("unexpected page");
    if (round >= 20) times.push(performance.now() - start); // the first rounds warm the JIT and the pool
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const skipped = await timePage(false);
const decrypted = await timePage(true);
const { encrypt, decrypt } = fieldCryptoTimings(Array.from({ length: SAMPLES }, (_, i) => `${i} ${address.line1}`));

console.log(`\nField encryption benchmark (AES-256-GCM, ${SAMPLES} values)`);
console.log(`  encryptField per value        p50 ${encrypt.p50.toFixed(1)} µs, p99 ${encrypt.p99.toFixed(1)} µs`);
console.log(`  decryptField per value        p50 ${decrypt.p50.toFixed(1)} µs, p99 ${decrypt.p99.toFixed(1)} µs`);
console.log(`Page of ${ORDERS} orders (DAL read + DTOs + serialisation, ${ROUNDS} rounds)`);
console.log(`  addresses decrypted (${ORDERS * 7} values)  p50 ${decrypted.p50.toFixed(2)} ms, p95 ${decrypted.p95.toFixed(2)} ms`);
console.log(`  decryption skipped              p50 ${skipped.p50.toFixed(2)} ms, p95 ${skipped.p95.toFixed(2)} ms`);
console.log(`  cost of decryption              ${(decrypted.p50 - skipped.p50).toFixed(2)} ms per page at p50`);

await stopJobSender();
await client.end();
process.exit();
