import "server-only";
import { hkdfSync } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";

const KEY_SLOT = Symbol.for("shop.bot-challenge-key");
type KeySlot = { [KEY_SLOT]?: string };

/**
 * The key from a configuration: ALTCHA_HMAC_KEY when set; refused in
 * production without it (every instance must verify what another served);
 * otherwise derived from AUTH_SECRET (HKDF, its own label, so it is
 * independent of every other use of that secret).
 */
export function botChallengeKeyFromConfig(config: { key: string | undefined; nodeEnv: string; authSecret: () => string }): string {
  if (config.key) return config.key;
  if (config.nodeEnv === "production") {
    throw new Error("ALTCHA_HMAC_KEY is not set: generate one with `openssl rand -base64 32` (npm run demo creates its own).");
  }
  return Buffer.from(hkdfSync("sha256", config.authSecret(), "", "shop altcha challenge v1", 32)).toString("base64url");
}

/**
 * The HMAC key that signs proof-of-work challenges, so a client cannot make up
 * an easy one. Start-up does not need it; the first challenge does. Kept on
 * globalThis like the anti-CSRF key, so every bundle of a process agrees on it.
 */
export function botChallengeKey(): string {
  const slot = globalThis as KeySlot;
  slot[KEY_SLOT] ??= botChallengeKeyFromConfig({ key: env.ALTCHA_HMAC_KEY, nodeEnv: env.NODE_ENV, authSecret });
  return slot[KEY_SLOT];
}
