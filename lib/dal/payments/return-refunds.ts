import "server-only";
import { db } from "@/lib/db";
import type { PaymentGateway } from "@/lib/payments/gateway";
import type { AuditContext } from "@/lib/context/request-context";
import { returnRefundClaim } from "@/lib/dal/orders/returns/refund-claim";
import { ReturnError, type ReturnErrorCode } from "@/lib/dal/orders/returns/return-errors";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import { type RefundResult, requestRefund } from "./refunds";

export type ReturnRefundInput = { returnId: string; amountMinor: number; reason: string };

/**
 * Refunds a received return through the order's gateway refund (requestRefund:
 * orders:refund, a reason, a recent second factor, the amount capped by what
 * was paid), with orders:returns too, the amount at most what the returned
 * units cost, and the Refund linked to the return in the same transaction.
 * The return shows refunded once the processor confirms (charge.refunded).
 */
export async function refundReturn(
  viewer: StaffViewer,
  input: ReturnRefundInput,
  gateway: PaymentGateway,
  context: AuditContext,
): Promise<RefundResult<ReturnErrorCode> & { orderId?: string }> {
  assertPermission(viewer, "orders:returns");
  assertPermission(viewer, "orders:refund");
  const found = await db.orderReturn.findUnique({ where: { id: input.returnId }, select: { orderId: true } });
  if (!found) return { ok: false, code: ReturnError.notFound };
  const refund = { orderId: found.orderId, amountMinor: input.amountMinor, reason: input.reason };
  const result = await requestRefund(viewer, refund, gateway, context, returnRefundClaim(viewer, input.returnId, context));
  return { ...result, orderId: found.orderId };
}
