import { randomBytes } from "node:crypto";

// .invalid never resolves (RFC 2606): the address is freed and cannot receive mail.
const ERASED_DOMAIN = "@deleted.invalid";

/** The placeholder address an erased account keeps (unique, so the column's constraint holds). */
export function erasedAccountEmail(): string {
  return `deleted-${randomBytes(16).toString("hex")}${ERASED_DOMAIN}`;
}

/** Whether `email` is an erased account's placeholder: nobody to write to. */
export function isErasedAccountEmail(email: string): boolean {
  return email.endsWith(ERASED_DOMAIN);
}
