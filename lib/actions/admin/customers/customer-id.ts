import { z } from "zod";

/** A customer id as it may appear in a form or a URL (a cuid): anything else names no customer. */
export const customerIdField = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Unknown customer.");

export function isCustomerId(value: string): boolean {
  return customerIdField.safeParse(value).success;
}
