import "server-only";
import { z } from "zod";
import { maskEmail } from "@/lib/mail/mask";
import { type MailMessage, sendMail } from "@/lib/mail/transport";
import { handleAccountJob } from "./account-handlers";
import type { QueueName } from "@/lib/queue/boss";
import { handleMaintenanceJob } from "./maintenance-handlers";
import { handleOrderJob } from "./order-handlers";
import { handlePaymentEventJob } from "./payment-event-handlers";
import { type JobHandler, PermanentJobError } from "./job-types";

/** A `mail` job's data: one message (limits keep a bad job from becoming a huge mail). */
export const mailJobSchema = z.object({
  to: z.email().max(254),
  subject: z.string().min(1).max(300),
  text: z.string().min(1).max(100_000),
  html: z.string().max(500_000).optional(),
});

/** The `mail` handler over a given sender (tests pass one pointed at their own SMTP server). */
export function createMailJobHandler(send: (message: MailMessage) => Promise<void>): JobHandler {
  return async (data, context) => {
    const parsed = mailJobSchema.safeParse(data);
    if (!parsed.success) {
      // Field names only: the values are a mail body with tokens in its links.
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".")))].join(", ");
      throw new PermanentJobError(`Invalid mail job (${fields}).`);
    }
    // A delivery failure throws out of here, so pg-boss retries the job with backoff.
    await send(parsed.data);
    context?.log.info({ recipient: maskEmail(parsed.data.to) }, "mail sent");
  };
}

/** Every queue's handler; the worker registers each one. */
export const jobHandlers: Record<QueueName, JobHandler> = {
  mail: createMailJobHandler(sendMail),
  account: handleAccountJob,
  orders: handleOrderJob,
  "payment-events": handlePaymentEventJob,
  maintenance: handleMaintenanceJob,
};
