import "server-only";
import { db } from "@/lib/db";
import type { Money } from "@/lib/catalog/money";
import { can } from "@/lib/auth/permissions";
import { canChangeReturn, OPEN_RETURN_STATUSES, type ReturnStatus } from "@/lib/orders/return-status";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import { linesOf, paidValueOf, type ReturnLineView, returnSelect, unitsOf } from "./return-rows";

/** A return as staff handle it: the customer's reason, the value of the units, and what may be done next. */
export type StaffReturnDTO = {
  id: string;
  status: ReturnStatus;
  reason: string;
  requestedAt: Date;
  decidedAt: Date | null;
  receivedAt: Date | null;
  refundedAt: Date | null;
  rejectionReason: string | null;
  units: number;
  lines: ReturnLineView[];
  /** Unit price × units: the refund it suggests, and the most it may refund. */
  value: Money;
  refund: { amount: Money; status: "pending" | "succeeded" | "failed" } | null;
  /** Each shown exactly when the viewer may do it and the return's table allows it. */
  actions: { approve: boolean; reject: boolean; receive: boolean; refund: boolean };
};

/** An open return in the admin's list. */
export type StaffOpenReturnDTO = { id: string; orderId: string; orderNumber: string; status: ReturnStatus; requestedAt: Date; units: number };

/** The returns of one order, newest first (orders:returns: the reason is the customer's own words). */
export async function listOrderReturnsForStaff(viewer: StaffViewer, orderId: string): Promise<StaffReturnDTO[]> {
  assertPermission(viewer, "orders:returns");
  const rows = await db.orderReturn.findMany({
    where: { orderId },
    select: { ...returnSelect, reason: true, order: { select: { currency: true, subtotalMinor: true, discountMinor: true } } },
    orderBy: { requestedAt: "desc" },
    take: 100,
  });
  const mayRefund = can(viewer.role, "orders:refund");
  return rows.map((row) => {
    const currency = row.order.currency;
    const refundOpen = row.refund !== null && row.refund.status !== "failed";
    return {
      id: row.id,
      status: row.status,
      reason: row.reason,
      requestedAt: row.requestedAt,
      decidedAt: row.decidedAt,
      receivedAt: row.receivedAt,
      refundedAt: row.refundedAt,
      rejectionReason: row.rejectionReason,
      units: unitsOf(row),
      lines: linesOf(row, currency),
      value: { amountMinor: paidValueOf(row, row.order), currency },
      refund: row.refund ? { amount: { amountMinor: row.refund.amountMinor, currency }, status: row.refund.status } : null,
      actions: {
        approve: canChangeReturn(row.status, "approved"),
        reject: canChangeReturn(row.status, "rejected"),
        receive: canChangeReturn(row.status, "received"),
        refund: mayRefund && row.status === "received" && !refundOpen,
      },
    };
  });
}

/** Returns waiting for staff (requested, approved, received), oldest first. */
export async function listOpenReturnsForStaff(viewer: StaffViewer): Promise<StaffOpenReturnDTO[]> {
  assertPermission(viewer, "orders:returns");
  const rows = await db.orderReturn.findMany({
    where: { status: { in: [...OPEN_RETURN_STATUSES] } },
    select: { id: true, orderId: true, status: true, requestedAt: true, order: { select: { number: true } }, lines: { select: { quantity: true } } },
    orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    take: 200,
  });
  return rows.map((row) => ({
    id: row.id,
    orderId: row.orderId,
    orderNumber: row.order.number,
    status: row.status,
    requestedAt: row.requestedAt,
    units: row.lines.reduce((sum, line) => sum + line.quantity, 0),
  }));
}
