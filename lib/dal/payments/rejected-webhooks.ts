import "server-only";
import { ipKey } from "@/lib/auth/rate-limit/keys";
import { recordRefusal, type RefusalOutcome } from "@/lib/dal/audit/refusal-counts";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import type { RequestContext } from "@/lib/context/request-context";

/**
 * Records a webhook delivery refused before anything was parsed (unsigned,
 * wrongly signed, stale or malformed), counted per client address, reason
 * and window (see recordRefusal): the first of a window writes a security
 * event, the rest only add to the count, and past the address's rate limit
 * nothing is written, so junk posts cannot fill the database.
 */
export function recordRejectedWebhook(reason: string, context: RequestContext, now = new Date()): Promise<RefusalOutcome> {
  // Without a trustworthy address every sender shares one counter, which still bounds the writes.
  const subject = ipKey(context.ip) ?? "unknown-address";
  return recordRefusal(
    { kind: "payment_webhook_rejected", subject, detail: reason },
    { first: (tx) => recordSecurityEvent(tx, { type: "payment_webhook_rejected", userId: null, context, details: { reason } }) },
    now,
  );
}
