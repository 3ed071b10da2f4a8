import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditContext } from "@/lib/context/request-context";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/dal/audit/log";
import { encryptedModelCodec } from "@/lib/dal/encrypted-model-codec";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { breachNoticeMail, unknownPlaceholders } from "@/lib/mail/templates/breach-notice";
import type { MailContent } from "@/lib/mail/templates/layout";
import { actorIdOf, auditActorOf, checkIncidentActor, type IncidentActor, type Refused } from "./actor";
import { type BreachCohort, breachCohortSummary, breachRecipients } from "./breach-cohort";
import { COHORT_TRANSACTION_TIMEOUT_MS } from "./end-sessions";

/** The account-queue job kind that mails one recipient (lib/jobs/account-handlers.ts). */
export const BREACH_NOTICE_JOB = "breach-notice";

export const BreachNoticeError = {
  templateInvalid: "template_invalid",
  noRecipients: "no_recipients",
  windowInvalid: "window_invalid",
} as const;
type BreachNoticeErrorCode = (typeof BreachNoticeError)[keyof typeof BreachNoticeError];

export type BreachNoticeInput = { subject: string; body: string; cohort: BreachCohort; reason: string };

const recipientCodec = encryptedModelCodec("BreachNoticeRecipient");

/** The notice as one recipient named `name` would read it (the admin's preview; nothing is stored or sent). */
export function previewBreachNotice(input: { subject: string; body: string }, name = "Alex Example"): MailContent | { error: string[] } {
  const unknown = unknownPlaceholders(`${input.subject}\n${input.body}`);
  return unknown.length > 0 ? { error: unknown } : breachNoticeMail({ ...input, name });
}

/**
 * Sends a breach notice to a cohort (incident tool 5): the notice row, one row
 * per recipient (address and name encrypted, bound to the notice and the row)
 * and one mail job per recipient that names only the row, all in one
 * transaction with the audit entry, so the notice exists if and only if every
 * mail is queued. No address is logged, audited or put in a job.
 */
export async function sendBreachNotice(
  actor: IncidentActor,
  input: BreachNoticeInput,
  context: AuditContext,
  now = new Date(),
): Promise<{ ok: true; noticeId: string; recipients: number } | Refused | { ok: false; code: BreachNoticeErrorCode }> {
  const checked = checkIncidentActor(actor, input.reason, now.getTime());
  if (!checked.ok) return checked;
  if ("error" in previewBreachNotice(input)) return { ok: false, code: BreachNoticeError.templateInvalid };
  if (input.cohort.kind === "customers_with_orders" && !(input.cohort.from < input.cohort.to)) return { ok: false, code: BreachNoticeError.windowInvalid };
  return db.$transaction(
    async (tx) => {
      const recipients = await breachRecipients(tx, input.cohort);
      if (recipients.length === 0) return { ok: false as const, code: BreachNoticeError.noRecipients };
      const window = input.cohort.kind === "customers_with_orders" ? { windowFrom: input.cohort.from, windowTo: input.cohort.to } : {};
      const notice = await tx.breachNotice.create({
        data: {
          subject: input.subject,
          body: input.body,
          cohort: input.cohort.kind,
          ...window,
          reason: checked.reason,
          createdById: actorIdOf(actor),
          recipientCount: recipients.length,
          createdAt: now,
        },
        select: { id: true },
      });
      for (const recipient of recipients) {
        const id = randomUUID();
        const sealed = recipientCodec.seal({ noticeId: notice.id, id }, { email: recipient.email, name: recipient.name });
        await tx.breachNoticeRecipient.create({ data: { id, noticeId: notice.id, userId: recipient.userId, ...sealed } });
        await enqueueJob(tx, "account", { kind: BREACH_NOTICE_JOB, recipientId: id });
      }
      await appendAudit(tx, {
        actor: auditActorOf(actor),
        action: "incident.breach_notice_sent",
        target: { type: "breach_notice", id: notice.id },
        after: { ...breachCohortSummary(input.cohort), recipients: recipients.length, subject: input.subject.slice(0, 200) },
        reason: checked.reason,
        outcome: "success",
        context,
      });
      return { ok: true as const, noticeId: notice.id, recipients: recipients.length };
    },
    { timeout: COHORT_TRANSACTION_TIMEOUT_MS },
  );
}
