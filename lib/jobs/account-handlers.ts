import "server-only";
import { z } from "zod";
import {
  sendCompromiseReportMail,
  sendEmailChangeLinks,
  sendPasswordResetLink,
  sendSignUpAttemptNotice,
  sendVerificationLink,
} from "@/lib/dal/accounts/mail";
import { sendStaffInvitation } from "@/lib/dal/staff/invitation-mail";
import { deliverBreachNotice } from "@/lib/dal/incident/breach-delivery";
import { sendMail } from "@/lib/mail/transport";
import { type JobContext, PermanentJobError } from "./job-types";

/** An account job: `kind` picks the handler; the other fields are that kind's data. */
export type AccountJobData = { kind: string } & Record<string, unknown>;

/** Handles one kind of account job. */
export type AccountJobHandler = (data: AccountJobData, context?: JobContext) => Promise<void>;

const id = z.string().min(1).max(40);
const email = z.string().email().max(254);

/** Parses a kind's data; malformed data can never succeed, so it goes to the dead-letter queue. */
function parse<T extends z.ZodType>(schema: T, data: AccountJobData): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw new PermanentJobError(`Invalid "${data.kind}" job data.`);
  return result.data;
}

/**
 * Account jobs by kind: mail that carries a secret link. The worker issues the
 * token when it sends, so no raw token is ever stored in the queue.
 */
export const accountJobHandlers: Record<string, AccountJobHandler> = {
  "send-verification": async (data) => sendVerificationLink(parse(z.object({ userId: id }).loose(), data).userId),
  "sign-up-existing": async (data) => sendSignUpAttemptNotice(parse(z.object({ userId: id }).loose(), data).userId),
  "password-reset-request": async (data) =>
    sendPasswordResetLink(
      parse(z.object({ email, ip: z.string().max(45), userAgent: z.string().max(400) }).loose(), data),
    ),
  "email-change": async (data) =>
    sendEmailChangeLinks(parse(z.object({ userId: id, newEmail: email }).loose(), data)),
  "compromise-report": async (data) => sendCompromiseReportMail(parse(z.object({ userId: id }).loose(), data).userId),
  "breach-notice": async (data) => {
    await deliverBreachNotice(parse(z.object({ recipientId: z.string().min(1).max(40) }).loose(), data).recipientId, sendMail);
  },
  "staff-invitation": async (data) =>
    sendStaffInvitation(parse(z.object({ userId: id, invitedById: id }).loose(), data)),
};

const accountJobSchema = z.looseObject({ kind: z.string().min(1).max(100) });

/** The `account` queue's handler: dispatches on `kind`. */
export async function handleAccountJob(data: unknown, context?: JobContext): Promise<void> {
  const parsed = accountJobSchema.safeParse(data);
  if (!parsed.success) throw new PermanentJobError("Invalid account job: it needs a string `kind`.");
  const { kind } = parsed.data;
  // Own properties only: a kind like "constructor" must not reach Object.prototype.
  const handler = Object.hasOwn(accountJobHandlers, kind) ? accountJobHandlers[kind] : undefined;
  // Retried, not dead-lettered: during a rolling deploy an older worker may meet a
  // kind that a newer one (picking up the retry) knows.
  if (!handler) throw new Error(`Unknown account job kind "${kind}": no handler is registered for it.`);
  await handler(parsed.data, context);
}
