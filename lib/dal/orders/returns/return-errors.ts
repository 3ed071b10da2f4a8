/** Why a return step was refused; the action turns the code into text. */
export const ReturnError = {
  /** No such order (or another customer's, answered the same way), or no such return. */
  notFound: "not_found",
  /** The parcel has not left yet (or everything already came back). */
  notShipped: "not_shipped",
  windowClosed: "window_closed",
  /** No units asked for. */
  noUnits: "no_units",
  /** More units of a line than shipped, less what other returns already cover. */
  tooManyUnits: "too_many_units",
  /** A line that is not one of the order's. */
  unknownLine: "unknown_line",
  invalidReason: "invalid_reason",
  /** The return is not in a state for this step (`status` says where it is). */
  wrongState: "wrong_state",
  /** A refund above what the returned units cost. */
  amountAboveValue: "amount_above_value",
  /** A refund for this return is already with the processor. */
  refundPending: "refund_pending",
} as const;

export type ReturnErrorCode = (typeof ReturnError)[keyof typeof ReturnError];

/** A reason written by a person (the customer's, a rejection's): 3 to 500 characters once trimmed. */
export function isValidReturnReason(reason: string): boolean {
  const trimmed = reason.trim();
  return trimmed.length >= 3 && trimmed.length <= 500;
}
