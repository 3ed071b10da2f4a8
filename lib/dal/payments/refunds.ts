import "server-only";
import { db } from "@/lib/db";
import { type PaymentGateway } from "@/lib/payments/gateway";
import { hasRefundablePayment } from "@/lib/orders/next-steps";
import { isRecentlyAuthenticated } from "@/lib/auth/step-up-window";
import { appendAudit } from "@/lib/dal/audit/log";
import { lockOrder, recordOrderEvent } from "@/lib/dal/orders/internal";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { AuditContext } from "@/lib/context/request-context";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Why a refund request was refused; the action turns the code into text. */
export const RefundError = {
  stepUpRequired: "step_up_required",
  invalidReason: "invalid_reason",
  notFound: "not_found",
  noPayment: "no_payment",
  /** The amount is not between 1 and what is left (`left`, in minor units). */
  amountOutOfRange: "amount_out_of_range",
  fullyRefunded: "fully_refunded",
} as const;

export type RefundErrorCode = (typeof RefundError)[keyof typeof RefundError];

export type RefundResult<C extends string = never> = { ok: true; refundId: string } | { ok: false; code: RefundErrorCode | C; left?: number };

/**
 * What a refund is for besides the order (a return): checked (an error code
 * refuses it) and linked to the new refund inside the transaction that claims
 * the amount, with the order row locked.
 */
export type RefundAttachment<C extends string> = {
  check: (tx: Prisma.TransactionClient, orderId: string, amountMinor: number) => Promise<C | null>;
  link: (tx: Prisma.TransactionClient, refundId: string) => Promise<void>;
};

export type RefundInput = { orderId: string; amountMinor: number; reason: string };

/**
 * Asks the gateway to refund part or all of an order's payment. The cap is
 * what was captured minus every refund not known to have failed, computed
 * with the order row locked, so two refunds racing cannot together exceed the
 * payment. The order's own status and refunded amount change only when the
 * processor's charge.refunded event arrives (see payment-events). Needs
 * orders:refund, a reason and a recent second factor (step-up); the request is
 * audited in the transaction that claims the amount.
 */
export async function requestRefund<C extends string = never>(
  viewer: StaffViewer,
  input: RefundInput,
  gateway: PaymentGateway,
  context: AuditContext,
  attachment?: RefundAttachment<C>,
): Promise<RefundResult<C>> {
  assertPermission(viewer, "orders:refund");
  if (!isRecentlyAuthenticated(viewer)) return { ok: false, code: RefundError.stepUpRequired };
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) return { ok: false, code: RefundError.invalidReason };
  const claimed = await db.$transaction(async (tx) => {
    if (!(await lockOrder(tx, input.orderId))) return { ok: false as const, code: RefundError.notFound };
    const order = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      select: { paymentStatus: true, capturedMinor: true, paymentIntentId: true, currency: true },
    });
    if (!hasRefundablePayment(order) || !order.paymentIntentId) return { ok: false as const, code: RefundError.noPayment };
    const refused = await attachment?.check(tx, input.orderId, input.amountMinor);
    if (refused) return { ok: false as const, code: refused };
    const committed = await tx.refund.aggregate({
      where: { orderId: input.orderId, status: { in: ["pending", "succeeded"] } },
      _sum: { amountMinor: true },
    });
    const left = order.capturedMinor - (committed._sum.amountMinor ?? 0);
    if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor < 1 || input.amountMinor > left) {
      return left > 0 ? { ok: false as const, code: RefundError.amountOutOfRange, left } : { ok: false as const, code: RefundError.fullyRefunded };
    }
    const refund = await tx.refund.create({
      data: { orderId: input.orderId, amountMinor: input.amountMinor, reason, requestedById: viewer.userId },
      select: { id: true },
    });
    await attachment?.link(tx, refund.id);
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: "order.refund_requested",
      target: { type: "order", id: input.orderId },
      before: { capturedMinor: order.capturedMinor, refundableMinor: left },
      after: { refundId: refund.id, amountMinor: input.amountMinor },
      reason,
      outcome: "success",
      context,
    });
    await recordOrderEvent(tx, {
      orderId: input.orderId,
      type: "payment.refund_requested",
      actor: "staff",
      staffId: viewer.userId,
      detail: { amountMinor: input.amountMinor, currency: order.currency, reason },
      customerVisible: false,
    });
    return { ok: true as const, refundId: refund.id, paymentIntentId: order.paymentIntentId };
  });
  if (!claimed.ok) return claimed;
  try {
    const { gatewayRefundId } = await gateway.refund({
      orderId: input.orderId,
      refundId: claimed.refundId,
      paymentIntentId: claimed.paymentIntentId,
      amountMinor: input.amountMinor,
    });
    await db.refund.update({ where: { id: claimed.refundId }, data: { gatewayRefundId } });
  } catch (error) {
    await db.refund.update({ where: { id: claimed.refundId }, data: { status: "failed" } });
    throw error;
  }
  return { ok: true, refundId: claimed.refundId };
}
