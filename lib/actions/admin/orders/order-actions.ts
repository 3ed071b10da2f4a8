"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { cancelOrderForStaff, OrderActionError } from "@/lib/dal/orders/staff-orders";
import { RefundError, requestRefund } from "@/lib/dal/payments/refunds";
import { paymentGateway } from "@/lib/payment-gateway/payment-gateway";
import type { ActionState } from "../../action-state";
import { staffAction } from "../../pipeline/audiences";
import { amountOutOfRange, gatewayFailure, refundAmount, refundErrorMessages, refundReasonLength } from "./refund-form";

const orderId = z.string().min(1).max(40);
const reason = z.string().trim().min(3, "Give a reason (at least 3 characters).").max(500, "Use at most 500 characters.");
const reasonError = "Give a reason (3 to 500 characters).";
const unknownOrder: ActionState = { status: "error", message: "Unknown order." };

const noSuchOrder = "No such order.";

/** After a change that removes its own form, the page says what happened. */
function doneWithNotice(id: string, notice: "cancelled"): never {
  revalidatePath(`/admin/orders/${id}`);
  redirect(`/admin/orders/${id}?notice=${notice}`);
}

export const cancelOrderAction = staffAction(
  {
    permission: "orders:cancel",
    returnTo: "/admin/orders",
    input: { fields: ["orderId", "reason"], schema: z.object({ orderId, reason }), echo: { reason: 500 } },
    invalid: () => ({ status: "error", fieldErrors: { reason: [reasonError] } }),
    errors: {
      [OrderActionError.notFound]: noSuchOrder,
      [OrderActionError.invalidReason]: refundReasonLength,
      [OrderActionError.notCancellable]: "Only an order awaiting payment can be cancelled; refund a paid one.",
    },
  },
  async ({ viewer, input, values, fail }) => {
    let result;
    try {
      result = await cancelOrderForStaff(viewer, input, paymentGateway(), await auditContext());
    } catch (error) {
      return gatewayFailure(error, values);
    }
    if (!result.ok) return fail(result.code);
    doneWithNotice(input.orderId, "cancelled");
  },
);

/** A refund: orders:refund, a reason, and a second factor proven in the last few minutes. */
export const refundOrderAction = staffAction(
  {
    permission: "orders:refund",
    returnTo: "/admin/orders",
    input: {
      fields: ["orderId", "amount", "reason"],
      schema: z.object({ orderId, amount: refundAmount, reason }),
      echo: { amount: 20, reason: 500 },
    },
    invalid: (fieldErrors, values) => {
      if (fieldErrors.orderId) return unknownOrder;
      const errors: Record<string, string[] | undefined> = { amount: fieldErrors.amount };
      if (fieldErrors.reason) errors.reason = [reasonError];
      return { status: "error", fieldErrors: errors, values };
    },
    stepUp: { when: "after-input", returnTo: (input) => `/admin/orders/${input?.orderId ?? ""}` },
    errors: {
      ...refundErrorMessages,
      [RefundError.notFound]: noSuchOrder,
    },
  },
  async ({ viewer, input, values, fail }) => {
    const gateway = paymentGateway();
    if (!gateway) return fail("no_gateway");
    let result;
    try {
      result = await requestRefund(viewer, { orderId: input.orderId, amountMinor: input.amount, reason: input.reason }, gateway, await auditContext());
    } catch (error) {
      return gatewayFailure(error, values);
    }
    if (!result.ok) {
      if (result.code === RefundError.amountOutOfRange) return amountOutOfRange(result.left, values);
      return fail(result.code);
    }
    revalidatePath(`/admin/orders/${input.orderId}`);
    return { status: "success", message: "Refund requested. The order updates when the payment provider confirms it." };
  },
);
