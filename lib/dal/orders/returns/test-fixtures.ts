import { db } from "@/lib/db";
import { placeOrder } from "../orders";
import { orderFixtures, testAddress, testCheckoutSettings } from "../test-fixtures";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Orders that have shipped, for the return suites: two lines (2 × A at 20.00,
 * 1 × B at 10.00), paid in full and shipped `shippedDaysAgo` days before
 * `now` (delivered `deliveredDaysAgo` days before it, when given).
 */
export function returnFixtures() {
  const fixtures = orderFixtures();

  async function shippedOrder(options: { now?: Date; shippedDaysAgo?: number; deliveredDaysAgo?: number; shipped?: boolean } = {}) {
    const now = options.now ?? new Date();
    const buyer = await fixtures.customer();
    const a = await fixtures.createProduct({ priceMinor: 2000, stock: 5 });
    const b = await fixtures.createProduct({ priceMinor: 1000, stock: 5 });
    await fixtures.fillCart(buyer.userId, [
      { variantId: a.variantId, quantity: 2 },
      { variantId: b.variantId, quantity: 1 },
    ]);
    const placed = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
    const { orderId } = placed;
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { totalMinor: true } });
    const shipped = options.shipped ?? true;
    await db.order.update({
      where: { id: orderId },
      data: {
        paymentStatus: "paid",
        capturedMinor: order.totalMinor,
        paymentIntentId: `pi_test_${orderId}`,
        fulfillmentStatus: shipped ? (options.deliveredDaysAgo !== undefined ? "delivered" : "shipped") : "unfulfilled",
        shippedAt: shipped ? new Date(now.getTime() - (options.shippedDaysAgo ?? 2) * DAY) : null,
        deliveredAt: options.deliveredDaysAgo !== undefined ? new Date(now.getTime() - options.deliveredDaysAgo * DAY) : null,
      },
    });
    const items = await db.orderItem.findMany({ where: { orderId }, select: { id: true, productId: true } });
    const itemA = items.find((item) => item.productId === a.id)!.id;
    const itemB = items.find((item) => item.productId === b.id)!.id;
    return { buyer, orderId, itemA, itemB, totalMinor: order.totalMinor };
  }

  return { ...fixtures, shippedOrder };
}
