import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { testGatewayWebhookUrl } from "@/lib/payments/config";
import { deliverEvents } from "@/lib/payments/test-gateway/deliver-events";
import { type JobHandler, PermanentJobError } from "./job-types";

const deliveryJobSchema = z.object({
  events: z.array(z.object({ id: z.string().startsWith("evt_"), type: z.string() }).loose()).min(1).max(10),
});

/** `payment-events` jobs: the test gateway's webhook deliveries, posted to the shop's endpoint. */
export const handlePaymentEventJob: JobHandler = async (data, context) => {
  const parsed = deliveryJobSchema.safeParse(data);
  if (!parsed.success) throw new PermanentJobError("Invalid payment event delivery.");
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new Error("STRIPE_WEBHOOK_SECRET is not set: test gateway events cannot be signed.");
  await deliverEvents(parsed.data.events, { url: testGatewayWebhookUrl, secret });
  context?.log.info({ events: parsed.data.events.map((event) => event.type) }, "payment events delivered");
};
