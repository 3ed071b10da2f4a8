import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";

let generated: string | undefined;

/**
 * next-auth's secret (it signs the CSRF double-submit cookie). Production
 * refuses to run without a configured one, since every app instance must share
 * it; development and tests fall back to a per-process random value.
 */
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is not set: generate one with `openssl rand -base64 48` (npm run demo creates its own).");
  }
  generated ??= randomBytes(32).toString("base64url");
  return generated;
}
