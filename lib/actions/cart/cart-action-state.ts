import "server-only";
import { type CartFailure, quantityErrorCodes } from "@/lib/cart/cart-errors";
import type { ActionState } from "../action-state";

/** A refused cart change as form state: quantity problems beside the field, anything else at the top. */
export function cartFailureState(failure: CartFailure, values: Record<string, string>): ActionState {
  if (quantityErrorCodes.has(failure.code)) return { status: "error", fieldErrors: { quantity: [failure.message] }, values };
  return { status: "error", message: failure.message, values };
}

/** Form input the schema refused: a bad id has no field of its own, so its message goes to the top. */
export function invalidCartInputState(errors: Record<string, string[] | undefined>, idField: string, values: Record<string, string>): ActionState {
  const { [idField]: idErrors, ...fieldErrors } = errors;
  return { status: "error", message: idErrors?.[0], fieldErrors, values };
}
