import "server-only";
import { can } from "@/lib/auth/permissions";
import { isRecentlyAuthenticated } from "@/lib/auth/step-up";
import { db } from "@/lib/db";
import type { AuditContext } from "@/lib/context/request-context";
import { appendAudit } from "@/lib/dal/audit/log";
import { recordDeniedAccess } from "@/lib/dal/staff/access";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { queueCustomerOrderMail } from "../customer-mail";
import { lockOrder, recordOrderEvent } from "../internal";
import { cancelPaidOrderForFraud } from "./cancel";

/** Why a review was refused; the action turns the code into text. */
export const ReviewError = {
  notFound: "not_found",
  invalidNote: "invalid_note",
  /** The order is not (or no longer) held for review: approved, cancelled, or reviewed by someone else first. */
  notHeld: "not_held",
  stepUpRequired: "step_up_required",
} as const;

export type ReviewErrorCode = (typeof ReviewError)[keyof typeof ReviewError];

export type ReviewDecision = "approve" | "cancel";

export type ReviewInput = { orderId: string; decision: ReviewDecision; note: string };

export type ReviewResult = { ok: true } | { ok: false; code: ReviewErrorCode };

/**
 * The review's own permission check: a refusal is audited (counted like every
 * denied admin attempt) before it is thrown, so a direct call of the action or
 * of this function by a role without orders:review leaves its trace.
 */
async function assertReviewer(viewer: StaffViewer, context: AuditContext): Promise<void> {
  if (can(viewer.role, "orders:review")) return;
  await recordDeniedAccess({ actorId: viewer.userId, role: viewer.role, permission: "orders:review", context });
  throw new PermissionDeniedError("orders:review");
}

/**
 * A reviewer's decision on an order the fraud score held, with a note:
 * - approve releases it to packing and shipping and tells the customer it is being prepared;
 * - cancel (a second factor proven recently, as for refunds) cancels it and
 *   refunds all of the payment not yet refunded, to the card it came from.
 * With the order row locked, only a held order is reviewed: a second decision
 * (the same reviewer twice, or two at once) finds it no longer held and
 * changes nothing. Audited, and on the staff timeline with the note, in the
 * same transaction as the change.
 */
export async function reviewHeldOrder(viewer: StaffViewer, input: ReviewInput, context: AuditContext, now = new Date()): Promise<ReviewResult> {
  await assertReviewer(viewer, context);
  const note = input.note.trim();
  if (note.length < 3 || note.length > 500) return { ok: false, code: ReviewError.invalidNote };
  if (input.decision === "cancel" && !isRecentlyAuthenticated(viewer)) return { ok: false, code: ReviewError.stepUpRequired };
  return db.$transaction(async (tx): Promise<ReviewResult> => {
    if (!(await lockOrder(tx, input.orderId))) return { ok: false, code: ReviewError.notFound };
    const order = await tx.order.findUniqueOrThrow({ where: { id: input.orderId }, select: { fraudReview: true, riskScore: true } });
    if (order.fraudReview !== "held") return { ok: false, code: ReviewError.notHeld };
    const approved = input.decision === "approve";
    if (approved) {
      await tx.order.update({ where: { id: input.orderId }, data: { fraudReview: "released" } });
      await queueCustomerOrderMail(tx, input.orderId, { kind: "released" });
    } else {
      await cancelPaidOrderForFraud(tx, input.orderId, now, { actor: "staff", staffId: viewer.userId });
    }
    await recordOrderEvent(tx, {
      orderId: input.orderId,
      type: approved ? "review.approved" : "review.cancelled",
      actor: "staff",
      staffId: viewer.userId,
      detail: { reason: note },
      customerVisible: false,
    });
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: approved ? "order.review_approved" : "order.review_cancelled",
      target: { type: "order", id: input.orderId },
      before: { fraudReview: "held", riskScore: order.riskScore },
      after: { fraudReview: approved ? "released" : "cancelled" },
      reason: note,
      outcome: "success",
      context,
    });
    return { ok: true };
  });
}
