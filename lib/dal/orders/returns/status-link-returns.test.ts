import { describe, expect, it } from "vitest";
import { generateToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { guestFixtures } from "../guest-test-fixtures";
import { issueOrderStatusLink } from "../status-links";
import { orderFixtures, queuedNotices } from "../test-fixtures";
import { ReturnError } from "./return-errors";
import { getReturnsByStatusToken, requestReturnByStatusToken } from "./status-link-returns";

requireTestDatabaseUrl();

const { createProduct } = orderFixtures();
const { guest, guestEmail, order } = guestFixtures();
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

/** A paid guest order that shipped yesterday, its one line, and a live status token for it. */
async function shippedGuestOrder() {
  const product = await createProduct({ priceMinor: 2000 });
  const { orderId } = await order(await guest([{ variantId: product.variantId, quantity: 2 }]), guestEmail());
  await db.order.update({
    where: { id: orderId },
    data: { paymentStatus: "paid", capturedMinor: 5000, paymentIntentId: `pi_test_${orderId}`, fulfillmentStatus: "shipped", shippedAt: new Date(Date.now() - 86_400_000) },
  });
  const line = await db.orderItem.findFirstOrThrow({ where: { orderId }, select: { id: true } });
  return { orderId, lineId: line.id, token: tokenOf(await issueOrderStatusLink(orderId)) };
}

describe("returns through an order-status link", () => {
  it("lets the link's holder see what may be returned and ask for it; the guest is mailed", async () => {
    const { orderId, lineId, token } = await shippedGuestOrder();
    expect(await getReturnsByStatusToken(token)).toMatchObject({ canRequest: true, lines: [{ orderItemId: lineId, shipped: 2, returnable: 2 }] });
    const result = await requestReturnByStatusToken(token, { units: { [lineId]: 1 }, reason: "Too small" });
    expect(result).toMatchObject({ ok: true });
    expect(await db.orderReturn.count({ where: { orderId } })).toBe(1);
    expect((await queuedNotices(orderId)).map((job) => job.notice)).toEqual([{ kind: "return", stage: "requested" }]);
  });

  it("refuses a guessed, malformed or expired link alike, changing nothing", async () => {
    const { orderId, lineId, token } = await shippedGuestOrder();
    await db.orderStatusToken.updateMany({ where: { orderId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const attempt of [generateToken(), "not-a-token", token]) {
      expect(await getReturnsByStatusToken(attempt)).toBeNull();
      expect(await requestReturnByStatusToken(attempt, { units: { [lineId]: 1 }, reason: "Too small" })).toEqual({ ok: false, code: ReturnError.notFound });
    }
    expect(await db.orderReturn.count({ where: { orderId } })).toBe(0);
  });

  it("cannot reach another guest's order line through one's own link", async () => {
    const mine = await shippedGuestOrder();
    const theirs = await shippedGuestOrder();
    expect(await requestReturnByStatusToken(mine.token, { units: { [theirs.lineId]: 1 }, reason: "Not mine" })).toMatchObject({ ok: false });
    expect(await db.orderReturn.count({ where: { orderId: { in: [mine.orderId, theirs.orderId] } } })).toBe(0);
  });
});
