import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { refundReturn } from "@/lib/dal/payments/return-refunds";
import { requestMyReturn } from "./request-return";
import { approveReturn, markReturnReceived, rejectReturn } from "./return-steps";
import { ReturnError } from "./return-errors";
import { listOpenReturnsForStaff, listOrderReturnsForStaff } from "./staff-returns";
import { getMyOrderReturns } from "./customer-returns";
import { queuedNotices, refundingGateway } from "../test-fixtures";
import { returnFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

const { shippedOrder, staffMember } = returnFixtures();
const context = { ip: "192.0.2.72", userAgent: "vitest return steps", requestId: "req-returns" };
const gateway = refundingGateway();

async function requested(units: "one" | "all" = "one") {
  const order = await shippedOrder();
  const asked = units === "all" ? { [order.itemA]: 2, [order.itemB]: 1 } : { [order.itemA]: 1 };
  const result = await requestMyReturn(order.buyer, { orderId: order.orderId, units: asked, reason: "Changed my mind" }, context);
  if (!result.ok) throw new Error(`return refused: ${result.code}`);
  return { ...order, returnId: result.returnId };
}

const statusOf = async (returnId: string) => (await db.orderReturn.findUniqueOrThrow({ where: { id: returnId }, select: { status: true } })).status;
const fulfilment = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { fulfillmentStatus: true } })).fulfillmentStatus;
const audits = (returnId: string) => db.auditEntry.findMany({ where: { targetType: "return", targetId: returnId }, orderBy: { id: "asc" }, select: { action: true, actorId: true, reason: true } });
const customerTimeline = async (orderId: string) =>
  (await db.orderEvent.findMany({ where: { orderId, customerVisible: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) => e.type);

describe("staff handling returns", () => {
  it("approves then books in a partial return: audited, on the customer's timeline, the parcel stays shipped", async () => {
    const { orderId, returnId } = await requested("one");
    const support = await staffMember("support");
    expect(await approveReturn(support, returnId, context)).toEqual({ ok: true, orderId });
    expect(await markReturnReceived(support, returnId, context)).toEqual({ ok: true, orderId });
    expect(await statusOf(returnId)).toBe("received");
    expect(await fulfilment(orderId)).toBe("shipped");
    expect(await audits(returnId)).toEqual([
      { action: "return.approved", actorId: support.userId, reason: null },
      { action: "return.received", actorId: support.userId, reason: null },
    ]);
    expect(await customerTimeline(orderId)).toEqual(["order.placed", "return.requested", "return.approved", "return.received"]);
    const open = await listOpenReturnsForStaff(support);
    expect(open.find((entry) => entry.id === returnId)).toMatchObject({ orderId, status: "received", units: 1 });
    const times = open.map((entry) => entry.requestedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("marks the order returned only when every shipped unit is back", async () => {
    const first = await requested("one");
    const fulfilmentStaff = await staffMember("fulfilment");
    await approveReturn(fulfilmentStaff, first.returnId, context);
    await markReturnReceived(fulfilmentStaff, first.returnId, context);
    expect(await fulfilment(first.orderId)).toBe("shipped");
    const rest = await requestMyReturn(first.buyer, { orderId: first.orderId, units: { [first.itemA]: 1, [first.itemB]: 1 }, reason: "The rest too" }, context);
    if (!rest.ok) throw new Error(rest.code);
    await approveReturn(fulfilmentStaff, rest.returnId, context);
    expect(await fulfilment(first.orderId)).toBe("shipped"); // approved is not back yet
    await markReturnReceived(fulfilmentStaff, rest.returnId, context);
    expect(await fulfilment(first.orderId)).toBe("returned");
    expect(await customerTimeline(first.orderId)).toContain("fulfillment.returned");
  });

  it("declines with a reason the customer reads; a declined return frees its units", async () => {
    const { buyer, orderId, itemA, returnId } = await requested("one");
    const admin = await staffMember("admin");
    expect(await rejectReturn(admin, returnId, "  ", context)).toEqual({ ok: false, code: ReturnError.invalidReason });
    expect(await statusOf(returnId)).toBe("requested");
    expect(await rejectReturn(admin, returnId, "Worn and washed", context)).toEqual({ ok: true, orderId });
    // The customer is told, with the reason.
    expect((await queuedNotices(orderId)).map((job) => job.notice)).toEqual([
      { kind: "return", stage: "requested" },
      { kind: "return", stage: "rejected", reason: "Worn and washed" },
    ]);
    const event = await db.orderEvent.findFirstOrThrow({ where: { orderId, type: "return.rejected" } });
    expect(event).toMatchObject({ customerVisible: true, detail: { reason: "Worn and washed", units: 1 } });
    expect((await getMyOrderReturns(buyer, orderId))?.returns[0]).toMatchObject({ status: "rejected", rejectionReason: "Worn and washed" });
    expect(await audits(returnId)).toEqual([{ action: "return.rejected", actorId: admin.userId, reason: "Worn and washed" }]);
    expect(await requestMyReturn(buyer, { orderId, units: { [itemA]: 2 }, reason: "Again" }, context)).toMatchObject({ ok: true });
  });

  it("moves only along the return's own table, changing nothing otherwise", async () => {
    const { returnId } = await requested("one");
    const admin = await staffMember("admin");
    expect(await markReturnReceived(admin, returnId, context)).toEqual({ ok: false, code: ReturnError.wrongState, status: "requested" });
    await approveReturn(admin, returnId, context);
    expect(await approveReturn(admin, returnId, context)).toEqual({ ok: false, code: ReturnError.wrongState, status: "approved" });
    expect(await rejectReturn(admin, returnId, "Too late now", context)).toEqual({ ok: false, code: ReturnError.wrongState, status: "approved" });
    expect(await statusOf(returnId)).toBe("approved");
    expect(await approveReturn(admin, "no-such-return", context)).toEqual({ ok: false, code: ReturnError.notFound });
  });

  it("needs orders:returns for every step and view, and orders:refund for the refund", async () => {
    const { orderId, returnId } = await requested("one");
    const auditor = await staffMember("auditor");
    const catalog = await staffMember("catalog_manager");
    await expect(approveReturn(auditor, returnId, context)).rejects.toThrow(PermissionDeniedError);
    await expect(rejectReturn(catalog, returnId, "No thanks", context)).rejects.toThrow(PermissionDeniedError);
    await expect(rejectReturn(catalog, returnId, "", context)).rejects.toThrow(PermissionDeniedError);
    await expect(markReturnReceived(catalog, returnId, context)).rejects.toThrow(PermissionDeniedError);
    await expect(listOrderReturnsForStaff(auditor, orderId)).rejects.toThrow(PermissionDeniedError);
    await expect(listOpenReturnsForStaff(catalog)).rejects.toThrow(PermissionDeniedError);
    expect(await statusOf(returnId)).toBe("requested");
    expect(await audits(returnId)).toEqual([]);
    // Support handles returns but may not refund: the refund form is not offered either.
    const support = await staffMember("support");
    await approveReturn(support, returnId, context);
    await markReturnReceived(support, returnId, context);
    const [view] = await listOrderReturnsForStaff(support, orderId);
    expect(view?.actions).toEqual({ approve: false, reject: false, receive: false, refund: false });
    await expect(refundReturn(support, { returnId, amountMinor: 100, reason: "Returned" }, gateway, context)).rejects.toThrow(PermissionDeniedError);
    expect(await db.refund.count({ where: { orderId } })).toBe(0);
  });
});
