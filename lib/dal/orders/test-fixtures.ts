import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { PaymentGateway } from "@/lib/payments/gateway";
import type { PricingRules } from "@/lib/payments/pricing";
import { flatPricingRules } from "@/lib/payments/flat-pricing";
import type { CheckoutSettings } from "./orders";
import type { StaffRoleName } from "@/lib/auth/permissions";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { testUsers } from "@/lib/dal/test-users";
import { createTestProduct, variantStock } from "@/lib/dal/catalog/test-products";

/**
 * One zone for every country with flat rates "standard" (5.00) and "express"
 * (15.00), and 10 % tax added in the test addresses' countries: round numbers
 * that make the expected totals easy to read (lib/dal/shipping tests the zones in the database).
 */
export const testPricingRules: PricingRules = flatPricingRules(500, 1500, 1000, ["US", "DE", "GB", "FR"]);

export const testCheckoutSettings: CheckoutSettings = {
  pricing: testPricingRules,
  reservationMinutes: 30,
  limits: { openOrdersPerAccount: 3, openOrdersPerAddress: 10, unitsPerProduct: 10 },
};

export const testAddress = {
  recipientName: "Ada Shopper",
  line1: "221 Baker Street",
  line2: null,
  city: "Springfield",
  region: "IL",
  postalCode: "62704",
  country: "US",
  phone: "+1 555 0199",
  isDefault: false,
};

export type TestProductFields = { priceMinor?: number; stock?: number; maxPerOrder?: number; published?: boolean; weightGrams?: number };

/**
 * Customers, products and carts for the order and payment suites. Products are
 * the suite's own (own stock, own prices), so suites running in parallel never
 * share a stock count. Everything is deleted after the file: orders first (they
 * outlive users), then jobs queued for them, users, and products.
 */
export function orderFixtures() {
  const productIds: string[] = [];
  const users = testUsers({
    defaults: { name: "Order Tester", emailVerifiedAt: new Date() },
    mailJobs: true,
    cleanUp: async () => {
      const orders = await db.order.findMany({
        where: { OR: [{ userId: { in: users.userIds } }, { items: { some: { productId: { in: productIds } } } }] },
        select: { id: true },
      });
      const orderIds = orders.map((order) => order.id);
      const sessions = await db.testGatewaySession.findMany({ where: { orderId: { in: orderIds } }, select: { paymentIntentId: true } });
      const references = [...orderIds, ...sessions.map((session) => session.paymentIntentId)];
      await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'orders' AND data->>'orderId' = ANY(${orderIds})`;
      await db.$executeRaw`DELETE FROM pgboss.job j WHERE j.name = 'payment-events'
        AND EXISTS (SELECT 1 FROM unnest(${references}::text[]) AS r(id) WHERE j.data::text LIKE '%' || r.id || '%')`;
      await db.testGatewaySession.deleteMany({ where: { orderId: { in: orderIds } } });
      await db.securityAlert.deleteMany({ where: { actorId: { in: users.userIds } } });
      await db.order.deleteMany({ where: { id: { in: orderIds } } });
      await db.product.deleteMany({ where: { id: { in: productIds } } });
    },
  });

  async function createProduct(fields: TestProductFields = {}) {
    const audio = await db.category.findUniqueOrThrow({ where: { slug: "audio" }, select: { id: true } });
    const product = await createTestProduct({
      slug: `vitest-order-${randomUUID()}`,
      name: `Test Speaker ${productIds.length + 1}`,
      categoryId: audio.id,
      priceMinor: fields.priceMinor ?? 2500,
      stock: fields.stock ?? 20,
      maxPerOrder: fields.maxPerOrder ?? 10,
      published: fields.published ?? true,
      weightGrams: fields.weightGrams ?? 0,
    });
    productIds.push(product.id);
    return product;
  }

  async function customer(overrides: { emailVerified?: boolean; audience?: "customer" | "staff" } = {}): Promise<ActiveSession> {
    const user = await users.createUser(overrides.audience === "staff" ? { kind: "staff" } : {});
    return {
      sessionId: "test",
      userId: user.id,
      audience: overrides.audience ?? "customer",
      persistent: false,
      secondFactorPending: false,
      reauthenticatedAt: new Date(),
      assurance: { method: "password", passwordVerifiedAt: new Date(), secondFactorVerifiedAt: null },
      user: { name: user.name, email: user.email, emailVerified: overrides.emailVerified ?? true, twoFactorEnabled: false },
    };
  }

  /** A staff member of `role` who accepted the policy and proved a factor just now. */
  async function staffMember(role: StaffRoleName, overrides: Partial<StaffViewer> = {}): Promise<StaffViewer> {
    const user = await users.createUser({ kind: "staff" });
    await db.user.update({ where: { id: user.id }, data: { staffRole: role } });
    return { userId: user.id, sessionId: "test", role, name: user.name, email: user.email, reauthenticatedAt: new Date(), policyAccepted: true, ...overrides };
  }

  /** Puts variants in the customer's cart (straight into the tables: these suites test orders, not the cart). */
  async function fillCart(userId: string, lines: { variantId: string; quantity: number }[]) {
    const cart = await db.cart.upsert({ where: { userId }, create: { userId }, update: {}, select: { id: true } });
    for (const line of lines) {
      await db.cartItem.upsert({
        where: { cartId_variantId: { cartId: cart.id, variantId: line.variantId } },
        create: { cartId: cart.id, ...line },
        update: { quantity: line.quantity },
      });
    }
  }

  const stockOf = variantStock;

  return { users, productIds, createProduct, customer, staffMember, fillCart, stockOf };
}

/** The customer order mail jobs queued for an order, oldest first. */
export const queuedNotices = async (orderId: string) =>
  (
    await db.$queryRaw<{ data: Record<string, unknown> }[]>`
      SELECT data FROM pgboss.job WHERE name = 'orders' AND data->>'type' = 'customer-order-mail' AND data->>'orderId' = ${orderId}
      ORDER BY created_on, id`
  ).map((row) => row.data);

/** A payment gateway that only refunds (each refund gets a fresh processor id); anything else is a test bug. */
export function refundingGateway(): PaymentGateway {
  return {
    name: "test",
    createCheckout: () => Promise.reject(new Error("not used")),
    refund: () => Promise.resolve({ gatewayRefundId: `re_test_${randomUUID()}` }),
    retrieveCheckout: () => Promise.reject(new Error("not used")),
    expireCheckout: () => Promise.resolve(),
  };
}
