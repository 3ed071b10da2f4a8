import "server-only";
import { hkdfSync } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";

const KEY_SLOT = Symbol.for("shop.bot-challenge-key");
type KeySlot = { [KEY_SLOT]?: string };

/**
 * The HMAC key that signs proof-of-work challenges, so a client cannot make up
 * an easy one. ALTCHA_HMAC_KEY in production (every instance must verify what
 * another served; start-up does not need it, the first challenge does).
 * Outside production it is derived from AUTH_SECRET (HKDF, its own label) and
 * kept on globalThis, like the anti-CSRF key, so every bundle agrees on it.
 */
export function botChallengeKey(): string {
  if (env.ALTCHA_HMAC_KEY) return env.ALTCHA_HMAC_KEY;
  if (env.NODE_ENV === "production") {
    throw new Error("ALTCHA_HMAC_KEY is not set: generate one with `openssl rand -base64 32` (npm run demo creates its own).");
  }
  const slot = globalThis as KeySlot;
  slot[KEY_SLOT] ??= Buffer.from(hkdfSync("sha256", authSecret(), "", "shop altcha challenge v1", 32)).toString("base64url");
  return slot[KEY_SLOT];
}
