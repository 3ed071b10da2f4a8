/** Emails are compared and stored trimmed and lower-cased (the domain is case-insensitive; in practice so is the local part). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
