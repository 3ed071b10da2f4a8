"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { moneyInputSchema } from "@/lib/catalog/money-input";
import { cancelOrderForStaff, fulfilOrder, OrderActionError } from "@/lib/dal/orders/staff-orders";
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

function failure(error: unknown, values?: Record<string, string>): ActionState {
  if (error instanceof OrderActionError || error instanceof RefundError || error instanceof PaymentGatewayError) {
    return { status: "error", message: error.message, values };
  }
  throw error;
}

/** After a change that removes its own form (shipped, cancelled), the page says what happened. */
function doneWithNotice(id: string, notice: "shipped" | "cancelled"): never {
  revalidatePath(`/admin/orders/${id}`);
  redirect(`/admin/orders/${id}?notice=${notice}`);
}

export const fulfilOrderAction = staffAction(
  {
    permission: "orders:fulfil",
    returnTo: "/admin/orders",
    input: { fields: ["orderId"], schema: z.object({ orderId }) },
    invalid: () => unknownOrder,
  },
  async ({ viewer, input }) => {
    try {
      await fulfilOrder(viewer, input.orderId, await auditContext());
    } catch (error) {
      return failure(error);
    }
    doneWithNotice(input.orderId, "shipped");
  },
);

export const cancelOrderAction = staffAction(
  {
    permission: "orders:cancel",
    returnTo: "/admin/orders",
    input: { fields: ["orderId", "reason"], schema: z.object({ orderId, reason }) },
    invalid: () => ({ status: "error", fieldErrors: { reason: [reasonError] } }),
  },
  async ({ viewer, input }) => {
    try {
      await cancelOrderForStaff(viewer, input, paymentGateway(), await auditContext());
    } catch (error) {
      return failure(error, { reason: input.reason });
    }
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
    errors: { no_gateway: "No payment gateway is configured." },
  },
  async ({ viewer, input, values, fail }) => {
    const gateway = paymentGateway();
    if (!gateway) return fail("no_gateway");
    try {
      await requestRefund(viewer, { orderId: input.orderId, amountMinor: input.amount, reason: input.reason }, gateway, await auditContext());
    } catch (error) {
      return failure(error, values);
    }
    revalidatePath(`/admin/orders/${input.orderId}`);
    return { status: "success", message: "Refund requested. The order updates when the payment provider confirms it." };
  },
);
