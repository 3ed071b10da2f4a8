import "server-only";
import { createHash } from "node:crypto";
import { logger } from "@/lib/log/logger";

/** Where the Pwned Passwords range API lives, and how long to wait for it. */
export type BreachCheckOptions = { apiUrl: string; timeoutMs?: number };

const DEFAULT_TIMEOUT_MS = 2_000;

function warnUnavailable(details: { reason: string; status?: number }): void {
  // Neither the password nor its hash prefix is logged: the prefix narrows the search space.
  logger.warn({ event: "password.breach-check-unavailable", ...details }, "Breached-password check skipped");
}

/**
 * Whether the password appears in Have I Been Pwned's Pwned Passwords, via the
 * k-anonymity range API: only the first 5 hex digits of its SHA-1 leave the
 * server, and `Add-Padding` hides the true size of the answer. When the service
 * fails or is slow the answer is `false` (with a warning logged): sign-up must
 * not depend on a third party being up, and the local list still applies.
 */
export async function isBreachedPassword(password: string, options: BreachCheckOptions): Promise<boolean> {
  const digest = createHash("sha1").update(password, "utf8").digest("hex").toUpperCase();
  const prefix = digest.slice(0, 5);
  const suffix = digest.slice(5);
  const url = `${options.apiUrl.replace(/\/+$/, "")}/range/${prefix}`;

  let body: string;
  try {
    const response = await fetch(url, {
      headers: { "Add-Padding": "true" },
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      // A URL derived from a password must never land in Next's data cache.
      cache: "no-store",
      redirect: "error",
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      warnUnavailable({ reason: "status", status: response.status });
      return false;
    }
    body = await response.text();
  } catch (error) {
    warnUnavailable({ reason: error instanceof Error ? error.name : "unknown" });
    return false;
  }

  // Lines are "SUFFIX:COUNT"; padding lines have a count of 0.
  return body.split("\n").some((line) => {
    const [lineSuffix, count] = line.trim().split(":");
    return lineSuffix?.toUpperCase() === suffix && Number(count) > 0;
  });
}
