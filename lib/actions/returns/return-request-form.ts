import "server-only";
import { z } from "zod";
import { ReturnError, type ReturnErrorCode } from "@/lib/dal/orders/returns/return-errors";
import type { ReturnRequestResult } from "@/lib/dal/orders/returns/request-return";
import type { ActionState } from "../action-state";

/**
 * The return form, shared by the signed-in order page and the order-status
 * link's page: the units per line arrive as `units.<orderItemId>` fields
 * (only those are read, at most one per order line the page could show), and
 * a reason.
 */
const UNIT_FIELD = /^units\.([A-Za-z0-9_-]{1,40})$/;
const MAX_LINES = 100;

function unitFields(formData: FormData): Record<string, string> {
  const units: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    const id = UNIT_FIELD.exec(name)?.[1];
    if (id && typeof value === "string" && Object.keys(units).length < MAX_LINES) units[id] = value;
  }
  return units;
}

const unitCount = z
  .string()
  .trim()
  .regex(/^\d{0,3}$/, "Enter a whole number of items.")
  .transform((value) => (value === "" ? 0 : Number(value)));

export const returnReasonSchema = z.string().trim().min(3, "Tell us why (at least 3 characters).").max(500, "Use at most 500 characters.");

export const returnRequestInput = {
  fields: ["reason"],
  extra: (formData: FormData) => ({ units: unitFields(formData) }),
  schema: z.object({ reason: returnReasonSchema, units: z.record(z.string(), unitCount) }),
  echo: (raw: Record<string, string>, formData: FormData) => ({
    reason: (raw.reason ?? "").slice(0, 500),
    ...Object.fromEntries(Object.entries(unitFields(formData)).map(([id, value]) => [`units.${id}`, value.slice(0, 6)])),
  }),
};

const returnRequestErrors: Partial<Record<ReturnErrorCode, string>> = {
  [ReturnError.notFound]: "Unknown order.",
  [ReturnError.notShipped]: "Items can be returned once the order has shipped.",
  [ReturnError.windowClosed]: "The return window for this order has closed.",
  [ReturnError.noUnits]: "Choose at least one item to return.",
  [ReturnError.tooManyUnits]: "You asked to return more items than were shipped or are not already being returned.",
  [ReturnError.unknownLine]: "That item is not part of this order. Reload the page and try again.",
  [ReturnError.invalidReason]: "Tell us why, in 3 to 500 characters.",
};

/** Refused input: the reason's and the units' errors beside their fields, with what was typed. */
export function invalidReturnRequest(fieldErrors: Record<string, string[] | undefined>, values: Record<string, string>): ActionState {
  return { status: "error", fieldErrors: { reason: fieldErrors.reason, units: fieldErrors.units }, values };
}

/** The form state after the DAL answered: success, or its refusal in words (beside the line asked too much of). */
export function returnRequestOutcome(result: ReturnRequestResult, values: Record<string, string>): ActionState {
  if (result.ok) return { status: "success", message: "Return requested. We will let you know once we have looked at it." };
  const message = returnRequestErrors[result.code] ?? "This return cannot be requested now.";
  if (result.code === ReturnError.tooManyUnits && result.orderItemId) {
    return { status: "error", message, fieldErrors: { [`units.${result.orderItemId}`]: [`At most ${result.left ?? 0} can be returned.`] }, values };
  }
  if (result.code === ReturnError.noUnits) return { status: "error", message, fieldErrors: { units: [message] }, values };
  return { status: "error", message, values };
}
