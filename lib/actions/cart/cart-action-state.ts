import "server-only";
import type { z } from "zod";
import { type CartFailure, quantityErrorCodes } from "@/lib/cart/cart-errors";
import { type ActionState, fieldErrorsOf } from "../action-state";

/** The form's typed quantity, kept so a refused value stays in the field (bounded: it is echoed back). */
export function quantityValues(quantity: string): Record<string, string> {
  return { quantity: quantity.slice(0, 12) };
}

/** A refused cart change as form state: quantity problems beside the field, anything else at the top. */
export function cartFailureState(failure: CartFailure, values: Record<string, string>): ActionState {
  if (quantityErrorCodes.has(failure.code)) return { status: "error", fieldErrors: { quantity: [failure.message] }, values };
  return { status: "error", message: failure.message, values };
}

/** Form input the schema refused: a bad id has no field of its own, so its message goes to the top. */
export function invalidCartInputState(error: z.ZodError, idField: string, values: Record<string, string>): ActionState {
  const { [idField]: idErrors, ...fieldErrors } = fieldErrorsOf(error);
  return { status: "error", message: idErrors?.[0], fieldErrors, values };
}
