import { requestContext } from "@/lib/auth/request-context";
import { processPaymentEvent } from "@/lib/dal/payments/events";
import { recordRejectedWebhook } from "@/lib/dal/payments/rejected-webhooks";
import { env } from "@/lib/env";
import { requestLogger } from "@/lib/log/request-logger";
import { verifyWebhook } from "@/lib/payments/webhook-signature";

/** Stripe's events are a few kilobytes; anything near this is not one. */
const MAX_BODY_BYTES = 256 * 1024;

function answer(status: number, body: object): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/**
 * Stripe's (and the test gateway's) webhook endpoint. The signature is checked
 * on the raw body before anything is parsed or stored; an unsigned, wrongly
 * signed, stale or malformed delivery gets 400 and changes nothing but a
 * counted security event (one row per sender, reason and window; nothing past
 * the sender's rate limit). A verified event is processed once (see processPaymentEvent);
 * any 2xx tells the sender not to retry, a 5xx asks it to.
 */
export async function POST(request: Request): Promise<Response> {
  const log = await requestLogger();
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret) {
    log.error("STRIPE_WEBHOOK_SECRET is not set: payment events cannot be verified");
    return answer(503, { error: "Webhook not configured" });
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return answer(413, { error: "Payload too large" });
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES) return answer(413, { error: "Payload too large" });

  const context = requestContext(request.headers);
  const verified = verifyWebhook(rawBody, request.headers.get("stripe-signature"), secret);
  if (!verified.ok) {
    const recorded = await recordRejectedWebhook(verified.reason, context);
    // Past the sender's limit nothing is written, not even a log line: a flood costs no writes.
    if (recorded !== "limited") log.warn({ reason: verified.reason, recorded }, "payment webhook refused");
    return answer(400, { error: "Invalid webhook delivery" });
  }
  if (!verified.event) {
    log.info({ eventType: verified.type }, "payment webhook event type not handled");
    return answer(200, { received: true, outcome: "ignored" });
  }
  const outcome = await processPaymentEvent(verified.event, context);
  log.info({ eventId: verified.event.id, eventType: verified.event.type, outcome }, "payment webhook processed");
  return answer(200, { received: true, outcome });
}
