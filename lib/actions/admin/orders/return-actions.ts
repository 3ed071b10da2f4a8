"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { approveReturn, markReturnReceived, rejectReturn, type ReturnStepResult } from "@/lib/dal/orders/returns/return-steps";
import { ReturnError } from "@/lib/dal/orders/returns/return-errors";
import { refundReturn } from "@/lib/dal/payments/return-refunds";
import { paymentGateway } from "@/lib/payment-gateway/payment-gateway";
import type { ActionState } from "../../action-state";
import { staffAction } from "../../pipeline/audiences";
import { RefundError } from "@/lib/dal/payments/refunds";
import { amountOutOfRange, gatewayFailure, refundAmount, refundErrorMessages } from "./refund-form";

const id = z.string().min(1).max(40);
const reason = z.string().trim().min(3, "Give a reason (3 to 500 characters).").max(500, "Give a reason (3 to 500 characters).");
const unknownReturn: ActionState = { status: "error", message: "Unknown return." };

const errors = {
  [ReturnError.notFound]: "No such return.",
  [ReturnError.wrongState]: "This return cannot take that step now; reload the page to see where it stands.",
  [ReturnError.invalidReason]: "Give a reason (3 to 500 characters).",
};

type Notice = "return_approved" | "return_rejected" | "return_received" | "return_refund_requested";

/** After a step that removes its own form, the order page says what happened. */
function doneWithNotice(orderId: string, notice: Notice): never {
  revalidatePath(`/admin/orders/${orderId}`);
  revalidatePath("/admin/returns");
  redirect(`/admin/orders/${orderId}?notice=${notice}`);
}

function outcome(result: ReturnStepResult, notice: Notice, fail: (code: string) => ActionState): ActionState {
  return result.ok ? doneWithNotice(result.orderId, notice) : fail(result.code);
}

const stepConfig = {
  permission: "orders:returns",
  returnTo: "/admin/returns",
  input: { fields: ["returnId"], schema: z.object({ returnId: id }) },
  invalid: () => unknownReturn,
  errors,
} as const;

export const approveReturnAction = staffAction(stepConfig, async ({ viewer, input, fail }) =>
  outcome(await approveReturn(viewer, input.returnId, await auditContext()), "return_approved", fail),
);

export const receiveReturnAction = staffAction(stepConfig, async ({ viewer, input, fail }) =>
  outcome(await markReturnReceived(viewer, input.returnId, await auditContext()), "return_received", fail),
);

/** Declining needs a reason: the customer reads it on their order. */
export const rejectReturnAction = staffAction(
  {
    ...stepConfig,
    input: { fields: ["returnId", "reason"], schema: z.object({ returnId: id, reason }), echo: { reason: 500 } },
    invalid: (fieldErrors, values) => (fieldErrors.returnId ? unknownReturn : { status: "error", fieldErrors: { reason: fieldErrors.reason }, values }),
  },
  async ({ viewer, input, fail }) => outcome(await rejectReturn(viewer, input.returnId, input.reason, await auditContext()), "return_rejected", fail),
);

/**
 * Refunds a received return through the gateway: orders:refund (and
 * orders:returns, checked by the DAL), a reason, a recent second factor. The
 * amount comes prefilled with the returned units' value and may be lowered.
 */
export const refundReturnAction = staffAction(
  {
    permission: "orders:refund",
    returnTo: "/admin/returns",
    input: {
      fields: ["returnId", "orderId", "amount", "reason"],
      schema: z.object({
        returnId: id,
        orderId: id,
        amount: refundAmount,
        reason,
      }),
      echo: { amount: 20, reason: 500 },
    },
    invalid: (fieldErrors, values) =>
      fieldErrors.returnId || fieldErrors.orderId ? unknownReturn : { status: "error", fieldErrors: { amount: fieldErrors.amount, reason: fieldErrors.reason }, values },
    stepUp: { when: "after-input", returnTo: (input) => `/admin/orders/${input?.orderId ?? ""}` },
    errors: {
      ...errors,
      ...refundErrorMessages,
      [ReturnError.amountAboveValue]: "Refund at most what the returned items cost.",
      [ReturnError.refundPending]: "A refund for this return is already under way.",
    },
  },
  async ({ viewer, input, values, fail }) => {
    const gateway = paymentGateway();
    if (!gateway) return fail("no_gateway");
    let result;
    try {
      result = await refundReturn(viewer, { returnId: input.returnId, amountMinor: input.amount, reason: input.reason }, gateway, await auditContext());
    } catch (error) {
      return gatewayFailure(error, values);
    }
    if (!result.ok) {
      if (result.code === RefundError.amountOutOfRange) return amountOutOfRange(result.left, values);
      return fail(result.code);
    }
    return doneWithNotice(result.orderId ?? input.orderId, "return_refund_requested");
  },
);
