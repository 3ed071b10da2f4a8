import "server-only";
import Stripe from "stripe";
import { HANDLED_EVENT_TYPES, type PaymentEvent, paymentEventSchema } from "./webhook-event";

/** Stripe's default: a signature older (or newer) than five minutes is refused, so a captured delivery cannot be replayed later. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export type WebhookVerification =
  | { ok: true; event: PaymentEvent }
  | { ok: true; event: null; type: string; id: string }
  | { ok: false; reason: "unsigned" | "bad_signature" | "malformed" };

/**
 * Checks a delivery's `Stripe-Signature` against the raw body, exactly as
 * Stripe's SDK does (HMAC-SHA256 of "timestamp.body", constant-time compare,
 * timestamp within the tolerance), then validates the event's shape. An event
 * type the shop does not handle verifies with `event: null`.
 */
export function verifyWebhook(
  rawBody: string,
  signatureHeader: string | null,
  secret: string,
  receivedAtMs?: number,
): WebhookVerification {
  if (!signatureHeader) return { ok: false, reason: "unsigned" };
  let parsed: unknown;
  try {
    parsed = Stripe.webhooks.constructEvent(
      rawBody,
      signatureHeader,
      secret,
      WEBHOOK_TOLERANCE_SECONDS,
      undefined,
      receivedAtMs,
    );
  } catch (error) {
    // The SDK throws a signature error for a wrong or stale signature, and SyntaxError for a body that is not JSON.
    return { ok: false, reason: error instanceof Stripe.errors.StripeSignatureVerificationError ? "bad_signature" : "malformed" };
  }
  const type = typeof parsed === "object" && parsed !== null && "type" in parsed ? String(parsed.type) : "";
  if (type && !HANDLED_EVENT_TYPES.includes(type)) {
    const id = "id" in (parsed as object) ? String((parsed as { id: unknown }).id) : "";
    return { ok: true, event: null, type: type.slice(0, 80), id: id.slice(0, 255) };
  }
  const event = paymentEventSchema.safeParse(parsed);
  return event.success ? { ok: true, event: event.data } : { ok: false, reason: "malformed" };
}

/** A `Stripe-Signature` header for `payload`, made the way Stripe makes it (the test gateway and tests sign with it). */
export function signWebhookPayload(payload: string, secret: string, timestampSeconds = Math.floor(Date.now() / 1000)): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: timestampSeconds });
}
