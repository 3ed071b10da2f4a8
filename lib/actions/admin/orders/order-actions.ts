"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { requireRecentAuthentication } from "@/lib/auth/step-up";
import { moneyInputSchema } from "@/lib/catalog/money-input";
import { cancelOrderForStaff, fulfilOrder, OrderActionError } from "@/lib/dal/orders/staff-orders";
import { RefundError, requestRefund } from "@/lib/dal/payments/refunds";
import { PaymentGatewayError } from "@/lib/payments/gateway";
import { paymentGateway } from "@/lib/payment-gateway/payment-gateway";
import type { ActionState } from "../../action-state";

const orderId = z.string().min(1).max(40);
const refundAmount = moneyInputSchema("amount", 100_000_000).refine((minor) => minor >= 1, "Enter an amount of at least 0.01.");
const reason = z.string().trim().min(3, "Give a reason (at least 3 characters).").max(500, "Use at most 500 characters.");

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

export async function fulfilOrderAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireStaffPermission("orders:fulfil", { returnTo: "/admin/orders" });
  const id = orderId.safeParse(formData.get("orderId"));
  if (!id.success) return { status: "error", message: "Unknown order." };
  try {
    await fulfilOrder(viewer, id.data, await auditContext());
  } catch (error) {
    return failure(error);
  }
  doneWithNotice(id.data, "shipped");
}

export async function cancelOrderAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireStaffPermission("orders:cancel", { returnTo: "/admin/orders" });
  const parsed = z.object({ orderId, reason }).safeParse({ orderId: formData.get("orderId"), reason: formData.get("reason") });
  if (!parsed.success) return { status: "error", fieldErrors: { reason: ["Give a reason (3 to 500 characters)."] } };
  try {
    await cancelOrderForStaff(viewer, parsed.data, paymentGateway(), await auditContext());
  } catch (error) {
    return failure(error, { reason: parsed.data.reason });
  }
  doneWithNotice(parsed.data.orderId, "cancelled");
}

/** A refund: orders:refund, a reason, and a second factor proven in the last few minutes. */
export async function refundOrderAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireStaffPermission("orders:refund", { returnTo: "/admin/orders" });
  const raw = { orderId: String(formData.get("orderId") ?? ""), amount: String(formData.get("amount") ?? ""), reason: String(formData.get("reason") ?? "") };
  const values = { amount: raw.amount.slice(0, 20), reason: raw.reason.slice(0, 500) };
  const id = orderId.safeParse(raw.orderId);
  if (!id.success) return { status: "error", message: "Unknown order." };
  requireRecentAuthentication(viewer, `/admin/orders/${id.data}`);
  const amount = refundAmount.safeParse(raw.amount);
  const why = reason.safeParse(raw.reason);
  if (!amount.success || !why.success) {
    const fieldErrors: Record<string, string[]> = {};
    if (!amount.success) fieldErrors.amount = amount.error.issues.map((issue) => issue.message);
    if (!why.success) fieldErrors.reason = ["Give a reason (3 to 500 characters)."];
    return { status: "error", fieldErrors, values };
  }
  const amountMinor = amount.data;
  const gateway = paymentGateway();
  if (!gateway) return { status: "error", message: "No payment gateway is configured.", values };
  try {
    await requestRefund(viewer, { orderId: id.data, amountMinor, reason: why.data }, gateway, await auditContext());
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath(`/admin/orders/${id.data}`);
  return { status: "success", message: "Refund requested. The order updates when the payment provider confirms it." };
}
