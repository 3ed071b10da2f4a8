import "server-only";
import { hkdfSync } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

const KEY_SLOT = Symbol.for("shop.csrf-key");
type KeySlot = { [KEY_SLOT]?: Buffer };

/**
 * The HMAC key of anti-CSRF tokens, derived from AUTH_SECRET (HKDF, its own
 * label, so it is independent of every other use of the secret). Kept on
 * globalThis: proxy.ts and the app are bundled apart but share the process,
 * and without AUTH_SECRET (development) each bundle would otherwise draw its own.
 */
export function csrfKey(): Buffer {
  const slot = globalThis as KeySlot;
  slot[KEY_SLOT] ??= Buffer.from(hkdfSync("sha256", authSecret(), "", "shop anti-csrf token v1", 32));
  return slot[KEY_SLOT];
}
