import "server-only";
import { signWebhookPayload } from "../webhook-signature";

export type Delivery = { url: string; secret: string };

const TIMEOUT_MS = 15_000;

/**
 * Posts events to a webhook endpoint one after another, as Stripe does: the
 * raw JSON body, a `Stripe-Signature` made at send time, and any answer but
 * 2xx counts as a failure (the job is retried; the endpoint de-duplicates).
 */
export async function deliverEvents(events: readonly object[], delivery: Delivery): Promise<void> {
  for (const event of events) {
    const payload = JSON.stringify(event, null, 2);
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "stripe-signature": signWebhookPayload(payload, delivery.secret),
        "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks; offline test gateway)",
      },
      body: payload,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "manual",
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`The webhook endpoint answered ${response.status} to ${(event as { type?: string }).type ?? "an event"}.`);
  }
}
