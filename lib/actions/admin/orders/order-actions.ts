"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { moneyInputSchema } from "@/lib/catalog/money-input";
import { cancelOrderForStaff, OrderActionError } from "@/lib/dal/orders/staff-orders";
import { RefundError, requestRefund } from "@/lib/dal/payments/refunds";
import { PaymentGatewayError } from "@/lib/payments/gateway";
import { paymentGateway } from "@/lib/payment-gateway/payment-gateway";
import type { ActionState } from "../../action-state";
import { staffAction } from "../../pipeline/audiences";

const orderId = z.string().min(1).max(40);
const refundAmount = moneyInputSchema("amount", 100_000_000).refine((minor) => minor >= 1, "Enter an amount of at least 0.01.");
const reason = z.string().trim().min(3, "Give a reason (at least 3 characters).").max(500, "Use at most 500 characters.");
const reasonError = "Give a reason (3 to 500 characters).";
const unknownOrder: ActionState = { status: "error", message: "Unknown order." };

const noSuchOrder = "No such order.";
const reasonLength = "Give a reason of 3 to 500 characters.";

/** A processor's refusal is expected (its message is written for staff); anything else goes to error.tsx. */
function gatewayFailure(error: unknown, values?: Record<string, string>): ActionState {
  if (error instanceof PaymentGatewayError) return { status: "error", message: error.message, values };
  throw error;
}

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
      [OrderActionError.invalidReason]: reasonLength,
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
      no_gateway: "No payment gateway is configured.",
      [RefundError.stepUpRequired]: "Confirm your second factor again before refunding.",
      [RefundError.invalidReason]: reasonLength,
      [RefundError.notFound]: noSuchOrder,
      [RefundError.noPayment]: "This order has no payment to refund.",
      [RefundError.fullyRefunded]: "Everything paid has already been refunded.",
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
      if (result.code === RefundError.amountOutOfRange) return { status: "error", message: `Refund between 1 and ${result.left ?? 0} (minor units).`, values };
      return fail(result.code);
    }
    revalidatePath(`/admin/orders/${input.orderId}`);
    return { status: "success", message: "Refund requested. The order updates when the payment provider confirms it." };
  },
);
