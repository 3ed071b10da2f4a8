import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/auth/password/hashing";

/**
 * Crockford's base32 alphabet, lower case: digits and letters without i, l, o
 * and u, so nothing printed can be misread. On input the look-alikes are
 * folded (o → 0, i/l → 1), as Crockford specifies.
 */
export const RECOVERY_CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
/** Characters in a code: 16 × 5 bits = 80 bits (NIST §4.2.1.1 asks at least 64). */
export const RECOVERY_CODE_LENGTH = 16;
/** Bits of CSPRNG output behind each code. */
export const RECOVERY_CODE_BITS = RECOVERY_CODE_LENGTH * 5;

const GROUP = 4;
const MAX_COUNT = 100;
const CANONICAL = new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`);

/** `ab3d9kq2x7m4p2w8` → `ab3d-9kq2-x7m4-p2w8`. */
function group(compact: string): string {
  return compact.match(new RegExp(`.{1,${GROUP}}`, "g"))?.join("-") ?? compact;
}

/** One code: 10 random bytes read as sixteen 5-bit indexes, so every character is uniform. */
function generateRecoveryCode(): string {
  const bytes = randomBytes(RECOVERY_CODE_BITS / 8);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += RECOVERY_CODE_ALPHABET[(value >>> bits) & 31];
    }
    value &= (1 << bits) - 1; // keep only unread bits so `value` never overflows
  }
  return group(out);
}

/**
 * Fresh recovery codes in display form (`ab3d-9kq2-x7m4-p2w8`), all distinct.
 * Show them once; store only `hashRecoveryCode` of each.
 */
export function generateRecoveryCodes(count = 10): string[] {
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_COUNT) {
    throw new RangeError(`count must be an integer from 1 to ${MAX_COUNT}`);
  }
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateRecoveryCode());
  return [...codes];
}

/**
 * The canonical display form of a typed code (case-insensitive; spaces and
 * hyphens ignored; o/i/l read as 0/1/1), or null when it cannot be a code.
 */
export function normalizeRecoveryCode(raw: string): string | null {
  // Bounded first: a pasted essay should cost nothing.
  if (raw.length > 64) return null;
  const compact = raw
    .toLowerCase()
    .replace(/[\s-]/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
  return CANONICAL.test(compact) ? group(compact) : null;
}

/**
 * Argon2id hash of a code's canonical form. 80 bits is under NIST's 112-bit
 * line, so look-up secrets need a salted password hash (§3.1.2) plus throttling.
 * @throws Error when `code` is not a recovery code; PasswordHasherBusyError when the queue is full.
 */
export async function hashRecoveryCode(code: string): Promise<string> {
  const canonical = normalizeRecoveryCode(code);
  if (canonical === null) throw new Error("Not a recovery code");
  return hashPassword(canonical);
}

/**
 * The id of the unused code that `code` matches, or null. Each candidate costs
 * one Argon2 verify, so callers throttle attempts per account and delete (or
 * mark used) the returned id in the same transaction as the sign-in (ASVS V6.5.1).
 * @throws PasswordHasherBusyError when the hashing queue is full.
 */
export async function findMatchingRecoveryCode(
  code: string,
  candidates: readonly { id: string; codeHash: string }[],
): Promise<string | null> {
  const canonical = normalizeRecoveryCode(code);
  if (canonical === null) return null;
  for (const candidate of candidates) {
    // Sequential on purpose: the shared hasher queue is bounded, and we stop at the first match.
    const { valid } = await verifyPassword(candidate.codeHash, canonical);
    if (valid) return candidate.id;
  }
  return null;
}
