import "server-only";

/** NIST SP 800-63B-4 asks for 15 as a single factor; the shop's floor is 12 (ASVS V6.2.1 asks for 8). */
export const MIN_PASSWORD_LENGTH = 12;
/** Well above the 64 that ASVS V6.2.9 requires, low enough to bound hashing and matching work. */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * The length a person sees: Unicode code points after NFC normalization, so
 * "🙂" counts once and a decomposed "é" counts like a composed one. The
 * normalized form is used for counting only; the password itself is never
 * altered (ASVS V6.2.8).
 */
export function passwordLength(password: string): number {
  let count = 0;
  for (const _codePoint of password.normalize("NFC")) count += 1;
  return count;
}
