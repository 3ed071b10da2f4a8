import type { ActionState } from "../action-state";

/** The text shown for one error code: at the top of the form, or beside a field. */
export type ErrorCopy = string | { field: string; message: string };

/** An action's error codes and the text each shows; the DAL returns the codes, never the text. */
export type ErrorMessages = Record<string, ErrorCopy>;

/**
 * The form state for `code`, from the action's table. A code the table lacks
 * is a programming error (a DAL code nobody maps), so it throws to error.tsx
 * rather than showing the user a code.
 */
export function errorState(messages: ErrorMessages | undefined, code: string, values: Record<string, string> | undefined): ActionState {
  const copy = messages?.[code];
  if (copy === undefined) throw new Error(`No message for the error code "${code}".`);
  return typeof copy === "string"
    ? { status: "error", message: copy, values }
    : { status: "error", fieldErrors: { [copy.field]: [copy.message] }, values };
}
