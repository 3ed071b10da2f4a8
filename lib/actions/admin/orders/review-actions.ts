"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { ReviewError, type ReviewDecision, reviewHeldOrder } from "@/lib/dal/orders/fraud/review";
import type { ActionState } from "../../action-state";
import { staffAction } from "../../pipeline/audiences";

/*
 * The fraud review's two decisions on a held order (orders:review, checked
 * again by the DAL, which audits a refusal): approve releases it to packing,
 * cancel refunds it in full and needs a second factor proven recently, as
 * every refund does. Each takes a note for the audit log and the staff timeline.
 */

const orderId = z.string().min(1).max(40);
const noteError = "Give a note (3 to 500 characters).";
const note = z.string().trim().min(3, noteError).max(500, noteError);
const schema = z.object({ orderId, note });

const errors = {
  [ReviewError.notFound]: "No such order.",
  [ReviewError.invalidNote]: noteError,
  [ReviewError.notHeld]: "This order is not held for review (any more): reload the page to see where it stands.",
  [ReviewError.stepUpRequired]: "Confirm your second factor again before cancelling and refunding.",
};

const input = { fields: ["orderId", "note"], schema, echo: { note: 500 } } as const;

function invalid(fieldErrors: Record<string, string[] | undefined>, values: Record<string, string>): ActionState {
  if (fieldErrors.orderId) return { status: "error", message: "Unknown order." };
  return { status: "error", fieldErrors: { note: [noteError] }, values };
}

async function decide(viewer: Parameters<typeof reviewHeldOrder>[0], values: z.infer<typeof schema>, decision: ReviewDecision, fail: (code: string) => ActionState) {
  const result = await reviewHeldOrder(viewer, { orderId: values.orderId, decision, note: values.note }, await auditContext());
  if (!result.ok) return fail(result.code);
  revalidatePath("/admin/orders/review");
  revalidatePath(`/admin/orders/${values.orderId}`);
  redirect(`/admin/orders/${values.orderId}?notice=${decision === "approve" ? "review_approved" : "review_cancelled"}`);
}

export const approveHeldOrderAction = staffAction(
  { permission: "orders:review", returnTo: "/admin/orders/review", input, invalid, errors },
  async ({ viewer, input: values, fail }) => decide(viewer, values, "approve", fail),
);

export const cancelHeldOrderAction = staffAction(
  {
    permission: "orders:review",
    returnTo: "/admin/orders/review",
    input,
    invalid,
    stepUp: { when: "after-input", returnTo: (parsed) => `/admin/orders/${parsed?.orderId ?? ""}` },
    errors,
  },
  async ({ viewer, input: values, fail }) => decide(viewer, values, "cancel", fail),
);
