import "server-only";
import { moneyInputSchema } from "@/lib/catalog/money-input";
import { smallestMoneyInput } from "@/lib/catalog/money-text";
import { RefundError } from "@/lib/dal/payments/refunds";
import { PaymentGatewayError } from "@/lib/payments/gateway";
import type { ActionState } from "../../action-state";

/*
 * What every staff refund form shares (an order's refund, a return's refund):
 * the amount field, the refusals the refund itself can give, and how a
 * processor's refusal is shown.
 */

export const refundAmount = moneyInputSchema("amount", 100_000_000).refine((minor) => minor >= 1, `Enter an amount of at least ${smallestMoneyInput()}.`);

export const refundReasonLength = "Give a reason of 3 to 500 characters.";

export const refundErrorMessages = {
  no_gateway: "No payment gateway is configured.",
  [RefundError.stepUpRequired]: "Confirm your second factor again before refunding.",
  [RefundError.invalidReason]: refundReasonLength,
  [RefundError.noPayment]: "This order has no payment to refund.",
  [RefundError.fullyRefunded]: "Everything paid has already been refunded.",
};

/** A processor's refusal is expected (its message is written for staff); anything else goes to error.tsx. */
export function gatewayFailure(error: unknown, values?: Record<string, string>): ActionState {
  if (error instanceof PaymentGatewayError) return { status: "error", message: error.message, values };
  throw error;
}

/** The refund's own range check failed: say what is left to refund. */
export function amountOutOfRange(left: number | undefined, values: Record<string, string>): ActionState {
  return { status: "error", message: `Refund between 1 and ${left ?? 0} (minor units).`, values };
}
