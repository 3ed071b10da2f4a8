import "server-only";
import { z } from "zod";
import { INCIDENT_REASON_LENGTH } from "@/lib/dal/incident/actor";
import type { BreachCohort } from "@/lib/dal/incident/breach-cohort";
import { emailListSchema } from "@/lib/dal/incident/cohorts";

/** A `datetime-local` value, read as UTC (the form says so). */
export const utcDateTime = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, `Give the ${label} as a date and time (UTC).`)
    .transform((value) => new Date(`${value}Z`));

const optional = <T extends z.ZodType>(schema: T) => z.union([z.literal(""), schema]);

/**
 * The breach notice form: a preview needs only the template; sending also
 * needs the cohort (its window or list) and a reason.
 */
export const breachNoticeFormSchema = z
  .object({
    intent: z.enum(["preview", "send"]),
    subject: z.string().trim().min(3, "Write a subject (3 to 200 characters).").max(200, "Write a subject (3 to 200 characters)."),
    body: z.string().trim().min(20, "Write the notice (20 to 10,000 characters).").max(10_000, "Write the notice (20 to 10,000 characters)."),
    cohort: z.string().max(30),
    from: optional(utcDateTime("start")),
    to: optional(utcDateTime("end")),
    emails: z.string().max(40_000),
    reason: z.string().trim().max(INCIDENT_REASON_LENGTH.max),
  })
  .transform((raw, context) => {
    const template = { subject: raw.subject, body: raw.body };
    if (raw.intent === "preview") return { intent: "preview" as const, template };
    if (raw.reason.length < INCIDENT_REASON_LENGTH.min) context.addIssue({ code: "custom", path: ["reason"], message: `Say why (at least ${INCIDENT_REASON_LENGTH.min} characters).` });
    let cohort: BreachCohort | null = null;
    if (raw.cohort === "all_customers") cohort = { kind: "all_customers" };
    else if (raw.cohort === "customers_with_orders") {
      if (raw.from && raw.to && raw.from < raw.to) cohort = { kind: "customers_with_orders", from: raw.from, to: raw.to };
      else context.addIssue({ code: "custom", path: ["from"], message: "Give a start before the end of the window." });
    } else if (raw.cohort === "list") {
      const emails = emailListSchema.safeParse(raw.emails);
      if (emails.success) cohort = { kind: "list", emails: emails.data };
      else context.addIssue({ code: "custom", path: ["emails"], message: emails.error.issues[0]?.message ?? "Check the addresses." });
    } else context.addIssue({ code: "custom", path: ["cohort"], message: "Choose who receives it." });
    if (!cohort || raw.reason.length < INCIDENT_REASON_LENGTH.min) return z.NEVER;
    return { intent: "send" as const, template, cohort, reason: raw.reason };
  });
