import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditContext } from "@/lib/context/request-context";
import { appendAudit } from "@/lib/dal/audit/log";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { recordOrderEvent } from "../internal";
import { ReturnError, type ReturnErrorCode } from "./return-errors";
import { paidValueOf } from "./return-rows";

/**
 * What a refund for a return adds to the refund's own transaction (the order
 * row is locked by then): `check` refuses a return that is not received, one
 * whose refund is already with the processor (or through), and an amount above
 * what the returned units cost; `link` ties the new Refund to the return and
 * audits it. The return itself becomes refunded when the processor confirms
 * (settleReturnRefunds), as the order's payment status does.
 */
export type ReturnRefundClaim = {
  check: (tx: Prisma.TransactionClient, orderId: string, amountMinor: number) => Promise<ReturnErrorCode | null>;
  link: (tx: Prisma.TransactionClient, refundId: string) => Promise<void>;
};

export function returnRefundClaim(viewer: StaffViewer, returnId: string, context: AuditContext): ReturnRefundClaim {
  return {
    async check(tx, orderId, amountMinor) {
      const row = await tx.orderReturn.findFirst({
        where: { id: returnId, orderId },
        select: {
          status: true,
          order: { select: { subtotalMinor: true, discountMinor: true } },
          refund: { select: { status: true } },
          lines: { select: { quantity: true, orderItem: { select: { unitPriceMinor: true } } } } },
      });
      if (!row) return ReturnError.notFound;
      if (row.status !== "received") return ReturnError.wrongState;
      // A failed refund may be tried again; a pending or succeeded one may not.
      if (row.refund && row.refund.status !== "failed") return ReturnError.refundPending;
      return amountMinor > paidValueOf(row, row.order) ? ReturnError.amountAboveValue : null;
    },
    async link(tx, refundId) {
      await tx.orderReturn.update({ where: { id: returnId }, data: { refundId } });
      await appendAudit(tx, {
        actor: { id: viewer.userId, role: viewer.role },
        action: "return.refund_requested",
        target: { type: "return", id: returnId },
        after: { refundId },
        outcome: "success",
        context,
      });
    },
  };
}

/**
 * Marks refunded the received returns of an order whose refund the processor
 * has just confirmed (charge.refunded), in the webhook's transaction with the
 * order row locked, and puts each on the customer's timeline. This is the one
 * place a return becomes refunded. Returns how many it settled.
 */
export async function settleReturnRefunds(tx: Prisma.TransactionClient, orderId: string, currency: string, now: Date): Promise<number> {
  const settled = await tx.orderReturn.findMany({
    where: { orderId, status: "received", refund: { status: "succeeded" } },
    select: { id: true, refund: { select: { amountMinor: true } } },
  });
  for (const row of settled) {
    await tx.orderReturn.update({ where: { id: row.id }, data: { status: "refunded", refundedAt: now } });
    const detail = row.refund ? { amountMinor: row.refund.amountMinor, currency } : undefined;
    await recordOrderEvent(tx, { orderId, type: "return.refunded", actor: "system", detail });
  }
  return settled.length;
}
