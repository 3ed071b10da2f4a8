import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canChangeFulfillment } from "@/lib/orders/fulfillment-status";
import { canChangeReturn, type ReturnStatus } from "@/lib/orders/return-status";
import type { OrderEventDetail } from "@/lib/orders/timeline-events";
import type { AuditContext } from "@/lib/context/request-context";
import { appendAudit } from "@/lib/dal/audit/log";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import { queueCustomerOrderMail } from "../customer-mail";
import { lockOrder, recordOrderEvent } from "../internal";
import { ReturnError, type ReturnErrorCode, isValidReturnReason } from "./return-errors";

export type ReturnStepResult = { ok: true; orderId: string } | { ok: false; code: ReturnErrorCode; status?: ReturnStatus };

type Step = {
  to: "approved" | "rejected" | "received";
  data: (now: Date, staffId: string) => Prisma.OrderReturnUpdateInput;
  /** Shown on the timeline (a rejection's reason is for the customer too). */
  reason?: string;
  /** More of the same transaction, once the return has moved. */
  then?: (tx: Prisma.TransactionClient, orderId: string, staffId: string) => Promise<void>;
};

/**
 * Moves a return one step along its own table, with its order's row locked
 * (every return step and request of an order happens one at a time). Needs
 * orders:returns; audited and put on the customer's timeline in the same
 * transaction. This transaction is the one place a step happens: what must go
 * with it (a mail to the customer) belongs in it.
 */
async function returnStep(viewer: StaffViewer, returnId: string, step: Step, context: AuditContext, now: Date): Promise<ReturnStepResult> {
  assertPermission(viewer, "orders:returns");
  const found = await db.orderReturn.findUnique({ where: { id: returnId }, select: { orderId: true } });
  if (!found) return { ok: false, code: ReturnError.notFound };
  const { orderId } = found;
  return db.$transaction(async (tx): Promise<ReturnStepResult> => {
    await lockOrder(tx, orderId);
    const current = await tx.orderReturn.findUniqueOrThrow({ where: { id: returnId }, select: { status: true, lines: { select: { quantity: true } } } });
    if (!canChangeReturn(current.status, step.to)) return { ok: false, code: ReturnError.wrongState, status: current.status };
    await tx.orderReturn.update({ where: { id: returnId }, data: { status: step.to, ...step.data(now, viewer.userId) } });
    const units = current.lines.reduce((sum, line) => sum + line.quantity, 0);
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: `return.${step.to}`,
      target: { type: "return", id: returnId },
      before: { status: current.status },
      after: { status: step.to, orderId, units },
      reason: step.reason,
      outcome: "success",
      context,
    });
    const detail: OrderEventDetail = { units, ...(step.reason ? { reason: step.reason } : {}) };
    await recordOrderEvent(tx, { orderId, type: `return.${step.to}`, actor: "staff", staffId: viewer.userId, detail });
    await queueCustomerOrderMail(tx, orderId, { kind: "return", stage: step.to, ...(step.reason ? { reason: step.reason } : {}) });
    await step.then?.(tx, orderId, viewer.userId);
    return { ok: true, orderId };
  });
}

/** Accepts a requested return: the customer may send the units back. */
export function approveReturn(viewer: StaffViewer, returnId: string, context: AuditContext, now = new Date()): Promise<ReturnStepResult> {
  return returnStep(viewer, returnId, { to: "approved", data: (at, staffId) => ({ decidedAt: at, decidedById: staffId }) }, context, now);
}

/** Declines a requested return with a reason the customer reads; its units are free to be asked for again. */
export async function rejectReturn(viewer: StaffViewer, returnId: string, reason: string, context: AuditContext, now = new Date()): Promise<ReturnStepResult> {
  const trimmed = reason.trim();
  if (!isValidReturnReason(trimmed)) {
    assertPermission(viewer, "orders:returns");
    return { ok: false, code: ReturnError.invalidReason };
  }
  const data = (at: Date, staffId: string) => ({ decidedAt: at, decidedById: staffId, rejectionReason: trimmed });
  return returnStep(viewer, returnId, { to: "rejected", data, reason: trimmed }, context, now);
}

/**
 * Books an approved return in. When every shipped unit of the order is back
 * (this return and earlier received ones), the parcel becomes `returned`; a
 * partial return leaves it shipped or delivered.
 */
export function markReturnReceived(viewer: StaffViewer, returnId: string, context: AuditContext, now = new Date()): Promise<ReturnStepResult> {
  const data = (at: Date, staffId: string) => ({ receivedAt: at, receivedById: staffId });
  return returnStep(viewer, returnId, { to: "received", data, then: markReturnedWhenAllBack }, context, now);
}

async function markReturnedWhenAllBack(tx: Prisma.TransactionClient, orderId: string, staffId: string): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { fulfillmentStatus: true, items: { select: { id: true, quantity: true } } } });
  const back = await tx.orderReturnLine.groupBy({
    by: ["orderItemId"],
    where: { orderReturn: { orderId, status: { in: ["received", "refunded"] } } },
    _sum: { quantity: true },
  });
  const backOf = new Map(back.map((row) => [row.orderItemId, row._sum.quantity ?? 0]));
  if (!order.items.every((item) => (backOf.get(item.id) ?? 0) >= item.quantity)) return;
  if (!canChangeFulfillment(order.fulfillmentStatus, "returned")) return;
  await tx.order.update({ where: { id: orderId }, data: { fulfillmentStatus: "returned" } });
  await recordOrderEvent(tx, { orderId, type: "fulfillment.returned", actor: "staff", staffId });
}
