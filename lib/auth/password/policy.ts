import "server-only";
import { env } from "@/lib/env";
import { isBreachedPassword } from "./breached";
import { isCommonPassword } from "./common-passwords";
import { isBuiltFromContext, type PasswordContext } from "./context-words";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordLength } from "./length";

export type { PasswordContext } from "./context-words";

/** Why a new password was refused (NIST SP 800-63B §3.1.1.2: the user is told the reason). */
export const PasswordRejection = {
  tooShort: "too_short",
  tooLong: "too_long",
  common: "common",
  contextual: "contextual",
  breached: "breached",
} as const;
export type PasswordRejection = (typeof PasswordRejection)[keyof typeof PasswordRejection];

export type PasswordPolicyResult = { ok: true } | { ok: false; code: PasswordRejection; message: string };

export type PasswordPolicyOptions = {
  /** Defaults to HIBP_ENABLED and HIBP_API_URL. */
  hibp?: { enabled: boolean; apiUrl: string };
  /** Defaults to SHOP_NAME. */
  shopName?: string;
};

const messages: Record<PasswordRejection, string> = {
  too_short: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
  too_long: `Use at most ${MAX_PASSWORD_LENGTH} characters.`,
  common: "This password is too common. Choose something less predictable.",
  contextual: "Don't build your password from your name, email address or the shop's name.",
  breached: "This password has appeared in a data breach. Choose a different one.",
};

const reject = (code: PasswordRejection): PasswordPolicyResult => ({ ok: false, code, message: messages[code] });

/**
 * Decides whether a new password may be set (NIST SP 800-63B §3.1.1.2, ASVS
 * V6.2): 12–256 code points, not on the common-password list, not built from
 * the user's email, name or the shop's name, and (when enabled) not in Have I
 * Been Pwned. No composition rules; the password is never truncated or altered.
 * The cheap local checks run first so the network is asked only about
 * otherwise acceptable passwords.
 */
export async function checkPasswordPolicy(
  password: string,
  context: PasswordContext,
  options: PasswordPolicyOptions = {},
): Promise<PasswordPolicyResult> {
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_LENGTH) return reject(PasswordRejection.tooShort);
  if (length > MAX_PASSWORD_LENGTH) return reject(PasswordRejection.tooLong);
  if (await isCommonPassword(password)) return reject(PasswordRejection.common);
  if (isBuiltFromContext(password, context, options.shopName ?? env.SHOP_NAME)) {
    return reject(PasswordRejection.contextual);
  }
  const hibp = options.hibp ?? { enabled: env.HIBP_ENABLED, apiUrl: env.HIBP_API_URL };
  if (hibp.enabled && (await isBreachedPassword(password, { apiUrl: hibp.apiUrl }))) {
    return reject(PasswordRejection.breached);
  }
  return { ok: true };
}
