import "server-only";
import * as argon2 from "argon2";
import { env } from "@/lib/env";
import { createPasswordHasher, type PasswordHasherStats, type PasswordVerification } from "./hasher";

export { createPasswordHasher, PasswordHasherBusyError } from "./hasher";
export type { PasswordHasherOptions, PasswordHasherStats, PasswordVerification } from "./hasher";

// One hasher per process: the queue bound only means something if every caller shares it.
const hasher = createPasswordHasher({
  argon2,
  params: { memoryCost: env.ARGON2_MEMORY_KIB, timeCost: env.ARGON2_TIME_COST, parallelism: env.ARGON2_PARALLELISM },
  secret: env.PASSWORD_PEPPER ? Buffer.from(env.PASSWORD_PEPPER, "utf8") : undefined,
  concurrency: env.PASSWORD_HASH_CONCURRENCY,
  queueLimit: env.PASSWORD_HASH_QUEUE_LIMIT,
});

/**
 * NIST 800-63B: apply NFKC before hashing, so the same password typed on
 * devices that compose characters differently ("é" as one code point or two)
 * still matches. No other change: no trimming, case folding or truncation.
 */
const normalized = (password: string) => password.normalize("NFKC");

/**
 * Hashes a password with Argon2id, the configured cost and the pepper (when set).
 * @throws PasswordHasherBusyError when the queue is full.
 */
export function hashPassword(password: string): Promise<string> {
  return hasher.hash(normalized(password));
}

/**
 * Checks a password against a stored hash. `needsRehash` is true when the
 * password is right but the hash was made with other parameters than the
 * current ones: the caller then stores `hashPassword(password)` instead.
 * @throws PasswordHasherBusyError when the queue is full.
 */
export function verifyPassword(hash: string, password: string): Promise<PasswordVerification> {
  return hasher.verify(hash, normalized(password));
}

/**
 * Spends the same Argon2 work as `verifyPassword` without an account, so a
 * sign-in for an unknown email takes as long as one for a known email.
 * @throws PasswordHasherBusyError when the queue is full (as a real verify would).
 */
export function verifyDummyPassword(password: string): Promise<void> {
  return hasher.verifyDummy(normalized(password));
}

/** Argon2 operations running, waiting, and run since start (for health pages and benchmarks). */
export function passwordHasherStats(): PasswordHasherStats {
  return hasher.stats();
}
