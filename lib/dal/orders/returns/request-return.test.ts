import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { getMyOrderReturns } from "./customer-returns";
import { requestMyReturn, requestReturnForVerifiedStatusLink } from "./request-return";
import { ReturnError } from "./return-errors";
import { ERASED_RETURN_REASON, eraseReturnReasons } from "./return-rows";
import { returnFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

const { customer, shippedOrder } = returnFixtures();
const context = { ip: "192.0.2.71", userAgent: "vitest returns" };
const DAY = 24 * 60 * 60 * 1000;
const reason = "Too small for the shelf";

const returnsOf = (orderId: string) => db.orderReturn.findMany({ where: { orderId }, select: { status: true, reason: true, lines: { select: { orderItemId: true, quantity: true } } } });
const timeline = async (orderId: string) => (await db.orderEvent.findMany({ where: { orderId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) => e.type);

describe("asking for a return", () => {
  it("opens a return for units of a shipped order: on the timeline without the customer's reason", async () => {
    const { buyer, orderId, itemA, itemB } = await shippedOrder();
    const result = await requestMyReturn(buyer, { orderId, units: { [itemA]: 1, [itemB]: 0 }, reason: `  ${reason} ` }, context);
    expect(result).toMatchObject({ ok: true });
    expect(await returnsOf(orderId)).toEqual([{ status: "requested", reason, lines: [{ orderItemId: itemA, quantity: 1 }] }]);
    expect(await timeline(orderId)).toEqual(["order.placed", "return.requested"]);
    const event = await db.orderEvent.findFirstOrThrow({ where: { orderId, type: "return.requested" } });
    expect(event).toMatchObject({ actor: "customer", customerVisible: true, detail: { units: 1 } });
    const view = await getMyOrderReturns(buyer, orderId);
    expect(view?.lines.map((line) => line.returnable).sort()).toEqual([1, 1]);
  });

  it("refuses more units than shipped, zero units, an unknown line and a short reason, changing nothing", async () => {
    const { buyer, orderId, itemA, itemB } = await shippedOrder();
    expect(await requestMyReturn(buyer, { orderId, units: { [itemB]: 2 }, reason }, context)).toEqual({ ok: false, code: ReturnError.tooManyUnits, orderItemId: itemB, left: 1 });
    expect(await requestMyReturn(buyer, { orderId, units: { [itemA]: 0, [itemB]: 0 }, reason }, context)).toEqual({ ok: false, code: ReturnError.noUnits });
    expect(await requestMyReturn(buyer, { orderId, units: {}, reason }, context)).toEqual({ ok: false, code: ReturnError.noUnits });
    expect(await requestMyReturn(buyer, { orderId, units: { [itemA]: -1 }, reason }, context)).toMatchObject({ ok: false });
    expect(await requestMyReturn(buyer, { orderId, units: { "not-a-line": 1 }, reason }, context)).toEqual({ ok: false, code: ReturnError.unknownLine });
    expect(await requestMyReturn(buyer, { orderId, units: { [itemA]: 1 }, reason: " x " }, context)).toEqual({ ok: false, code: ReturnError.invalidReason });
    expect(await returnsOf(orderId)).toEqual([]);
  });

  it("caps units by earlier returns, except declined ones", async () => {
    const { buyer, orderId, itemA } = await shippedOrder();
    expect(await requestMyReturn(buyer, { orderId, units: { [itemA]: 2 }, reason }, context)).toMatchObject({ ok: true });
    expect(await requestMyReturn(buyer, { orderId, units: { [itemA]: 1 }, reason }, context)).toEqual({ ok: false, code: ReturnError.tooManyUnits, orderItemId: itemA, left: 0 });
    await db.orderReturn.updateMany({ where: { orderId }, data: { status: "rejected" } });
    expect(await requestMyReturn(buyer, { orderId, units: { [itemA]: 2 }, reason }, context)).toMatchObject({ ok: true });
  });

  it("lets two requests at once return at most what shipped (the order row is locked)", async () => {
    const { buyer, orderId, itemA } = await shippedOrder();
    const results = await Promise.all([1, 2, 3].map(() => requestMyReturn(buyer, { orderId, units: { [itemA]: 2 }, reason }, context)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.code)).toEqual([ReturnError.tooManyUnits, ReturnError.tooManyUnits]);
    const held = (await returnsOf(orderId)).flatMap((entry) => entry.lines).reduce((sum, line) => sum + line.quantity, 0);
    expect(held).toBe(2);
  });

  it("keeps the window: days from delivery when known, else from shipping", async () => {
    const now = new Date("2026-06-15T12:00:00Z");
    const late = await shippedOrder({ now, shippedDaysAgo: 31 });
    expect(await requestMyReturn(late.buyer, { orderId: late.orderId, units: { [late.itemA]: 1 }, reason }, context, now)).toEqual({ ok: false, code: ReturnError.windowClosed });
    const inTime = await shippedOrder({ now, shippedDaysAgo: 29 });
    expect(await requestMyReturn(inTime.buyer, { orderId: inTime.orderId, units: { [inTime.itemA]: 1 }, reason }, context, now)).toMatchObject({ ok: true });
    // Shipped 40 days ago but delivered 20 days ago: still inside the window.
    const slowParcel = await shippedOrder({ now, shippedDaysAgo: 40, deliveredDaysAgo: 20 });
    expect(await requestMyReturn(slowParcel.buyer, { orderId: slowParcel.orderId, units: { [slowParcel.itemB]: 1 }, reason }, context, now)).toMatchObject({ ok: true });
    expect(await requestMyReturn(slowParcel.buyer, { orderId: slowParcel.orderId, units: { [slowParcel.itemA]: 1 }, reason }, context, new Date(now.getTime() + 11 * DAY))).toEqual({
      ok: false,
      code: ReturnError.windowClosed,
    });
    expect((await getMyOrderReturns(late.buyer, late.orderId, now))?.canRequest).toBe(false);
  });

  it("refuses an order that has not shipped", async () => {
    const { buyer, orderId, itemA } = await shippedOrder({ shipped: false });
    expect(await requestMyReturn(buyer, { orderId, units: { [itemA]: 1 }, reason }, context)).toEqual({ ok: false, code: ReturnError.notShipped });
    expect((await getMyOrderReturns(buyer, orderId))?.canRequest).toBe(false);
    expect(await returnsOf(orderId)).toEqual([]);
  });

  it("answers another customer's order like an unknown one, records the attempt, and changes nothing", async () => {
    const { orderId, itemA } = await shippedOrder();
    const intruder = await customer();
    const attempt = await requestMyReturn(intruder, { orderId, units: { [itemA]: 1 }, reason }, context);
    const unknown = await requestMyReturn(intruder, { orderId: "no-such-order", units: { [itemA]: 1 }, reason }, context);
    expect(attempt).toEqual({ ok: false, code: ReturnError.notFound });
    expect(unknown).toEqual(attempt);
    expect(await returnsOf(orderId)).toEqual([]);
    const events = await db.securityEvent.findMany({ where: { userId: intruder.userId }, select: { type: true, details: true } });
    expect(events).toEqual([{ type: "order_access_denied", details: { orderId } }]);
    expect(await getMyOrderReturns(intruder, orderId)).toBeNull();
  });

  it("takes an order already resolved from a verified status link", async () => {
    const { orderId, itemB } = await shippedOrder();
    expect(await requestReturnForVerifiedStatusLink({ orderId, units: { [itemB]: 1 }, reason })).toMatchObject({ ok: true });
    expect(await returnsOf(orderId)).toHaveLength(1);
  });

  it("erases the customer's reasons with their account, keeping the returns", async () => {
    const { buyer, orderId, itemA } = await shippedOrder();
    await requestMyReturn(buyer, { orderId, units: { [itemA]: 1 }, reason: "Bought for my late father" }, context);
    await db.$transaction((tx) => eraseReturnReasons(tx, buyer.userId));
    expect(await returnsOf(orderId)).toEqual([{ status: "requested", reason: ERASED_RETURN_REASON, lines: [{ orderItemId: itemA, quantity: 1 }] }]);
  });
});
