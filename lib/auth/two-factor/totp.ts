import "server-only";
import { randomBytes } from "node:crypto";
import { generateURI, ScureBase32Plugin, verifySync } from "otplib";

// RFC 6238 parameters every authenticator app supports. They are pinned here
// (not left to otplib's defaults) so a library upgrade cannot change them under
// enrolled users; ASVS V6.5.5 caps a TOTP's lifetime at 30 s.
const ALGORITHM = "sha1";
const DIGITS = 6;
const PERIOD_SECONDS = 30;
/** Steps accepted either side of now: ±1 step = up to 30 s of clock drift. */
const DRIFT_STEPS = 1;

/** 20 bytes = 160 bits, the RFC 4226 recommendation (NIST §3.1.4: at least 112). */
const SECRET_BYTES = 20;
/** 160 bits in unpadded base32 (5 bits a character). */
export const TOTP_SECRET_LENGTH = Math.ceil((SECRET_BYTES * 8) / 5);

const base32 = new ScureBase32Plugin();
const BASE32_SECRET = /^[A-Z2-7]+$/;

/** A verification result; on success the caller stores `step` as the user's last used step. */
export type TotpVerification = { valid: true; step: number } | { valid: false };

/**
 * A new TOTP seed: 160 bits from the CSPRNG, unpadded base32 (32 characters).
 * It is a secret: encrypt it at rest and never log it (NIST §3.1.4.2).
 */
export function generateTotpSecret(): string {
  const secret = base32.encode(randomBytes(SECRET_BYTES), { padding: false });
  if (secret.length !== TOTP_SECRET_LENGTH || !BASE32_SECRET.test(secret)) {
    throw new Error("TOTP secret generation produced an unexpected encoding");
  }
  return secret;
}

/**
 * The otpauth:// URI an authenticator app scans: label `issuer:accountName`
 * plus `secret` and `issuer`. otplib leaves out algorithm/digits/period when
 * they are the defaults (SHA1/6/30), which is how apps read a missing value.
 * @throws Error when a field is empty, holds a colon (the label separator) or the secret is not base32.
 */
export function totpUri({ secret, accountName, issuer }: { secret: string; accountName: string; issuer: string }): string {
  if (!BASE32_SECRET.test(secret) || secret.length < TOTP_SECRET_LENGTH) {
    throw new Error("TOTP secret must be base32 of at least 160 bits");
  }
  for (const part of [accountName, issuer]) {
    if (part.trim() === "" || part.includes(":")) throw new Error("TOTP issuer and account name must be non-empty and colon-free");
  }
  return generateURI({ issuer, label: accountName, secret, algorithm: ALGORITHM, digits: DIGITS, period: PERIOD_SECONDS });
}

/**
 * Accepts a code as people type or paste it ("123456", "123 456", "123-456",
 * surrounding whitespace) and returns its 6 ASCII digits, or null for anything else.
 */
export function normalizeTotpInput(raw: string): string | null {
  // Bounded before any regex work; nothing longer can be a typed code.
  if (raw.length > 20) return null;
  // `[0-9]`, not `\p{Nd}`: full-width and other scripts' digits are refused, not folded.
  const match = /^([0-9]{3})[ -]?([0-9]{3})$/.exec(raw.trim());
  return match ? `${match[1]}${match[2]}` : null;
}

/**
 * Checks a TOTP code at `now` (ms) against the current step and one step
 * either side, refusing any step ≤ `lastUsedStep` so a code is accepted only
 * once (NIST §3.2.7, ASVS V6.5.1). On success the caller must store `step`
 * (the absolute step, floor(epochSeconds / 30)) in the same transaction that
 * signs the user in. Callers also rate-limit attempts: 6 digits need throttling.
 * @throws RangeError when `lastUsedStep` is not a non-negative integer or null (a storage bug, not user input).
 * @throws Error from otplib when the stored secret is not valid base32.
 */
export function verifyTotp({
  secret,
  code,
  lastUsedStep,
  now = Date.now(),
}: {
  secret: string;
  code: string;
  lastUsedStep: number | null;
  now?: number;
}): TotpVerification {
  if (lastUsedStep !== null && !(Number.isSafeInteger(lastUsedStep) && lastUsedStep >= 0)) {
    throw new RangeError("lastUsedStep must be a non-negative integer or null");
  }
  const token = normalizeTotpInput(code);
  if (token === null) return { valid: false };

  const epoch = Math.floor(now / 1000);
  const currentStep = Math.floor(epoch / PERIOD_SECONDS);
  // Every step in the window is already used; otplib would also throw when
  // lastUsedStep lies beyond the window (a clock that went backwards).
  if (lastUsedStep !== null && lastUsedStep >= currentStep + DRIFT_STEPS) return { valid: false };

  const result = verifySync({
    secret,
    token,
    epoch,
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
    // With a 30 s period, ±30 s spans exactly steps current-1 … current+1.
    epochTolerance: PERIOD_SECONDS * DRIFT_STEPS,
    afterTimeStep: lastUsedStep ?? undefined,
  });
  // The result is an object: only `.valid` says whether the code matched.
  // The functional API types the HOTP result too; without `timeStep` we cannot record the step, so refuse.
  if (!result.valid || !("timeStep" in result)) return { valid: false };
  // Re-check otplib's answer against our own invariants: a dependency bug must not reopen replay.
  const step = result.timeStep;
  if (Math.abs(step - currentStep) > DRIFT_STEPS || (lastUsedStep !== null && step <= lastUsedStep)) {
    return { valid: false };
  }
  return { valid: true, step };
}
