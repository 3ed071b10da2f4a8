import type { z } from "zod";

/**
 * What every form action returns (convention 4). `values` echoes what the
 * user typed so the form keeps it — never passwords, codes or tokens.
 */
export type ActionState = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
};

export const initialActionState: ActionState = { status: "idle" };

export function fieldErrorsOf(error: z.ZodError): Record<string, string[] | undefined> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** Reads text fields from a form; anything else (files, missing) becomes "". */
export function textFields<K extends string>(formData: FormData, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(
    keys.map((key) => {
      const value = formData.get(key);
      return [key, typeof value === "string" ? value : ""];
    }),
  ) as Record<K, string>;
}

/** Shown when limits could not be checked: the person did nothing wrong, so no "too many attempts". */
export const TEMPORARILY_UNAVAILABLE = "This is temporarily unavailable. Please try again in a moment.";

/**
 * The message for a rate-limit refusal: `tooMany` plus when to retry, or
 * TEMPORARILY_UNAVAILABLE when the limit store failed (scope "store").
 */
export function limitRefusedMessage(refusal: { scope: string; retryAfterSeconds: number }, tooMany: string): string {
  return refusal.scope === "store" ? TEMPORARILY_UNAVAILABLE : `${tooMany} ${retryMessage(refusal.retryAfterSeconds)}`;
}

export function retryMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return seconds < 90 ? `Try again in ${seconds} seconds.` : `Try again in ${minutes} minutes.`;
}
