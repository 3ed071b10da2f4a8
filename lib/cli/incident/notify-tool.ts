import "server-only";
import { readFile } from "node:fs/promises";
import { type BreachCohort, BREACH_COHORT_LABELS } from "@/lib/dal/incident/breach-cohort";
import { previewBreachNotice, sendBreachNotice } from "@/lib/dal/incident/breach-notice";
import { emailListSchema } from "@/lib/dal/incident/cohorts";
import { type CommandIo, EXIT, parseCommand, refusalLine } from "./command-io";

const usage =
  `npm run incident:notify -- --subject "<subject>" (--body "<text>" | --body-file <file>) ` +
  `--cohort <${Object.keys(BREACH_COHORT_LABELS).join("|")}> [--from <ISO> --to <ISO>] [--emails a@x,b@y] --reason "<why>" [--preview]`;

const options = {
  subject: { type: "string" },
  body: { type: "string" },
  "body-file": { type: "string" },
  cohort: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  emails: { type: "string" },
  preview: { type: "boolean", default: false },
} as const;

type Values = { subject?: string; body?: string; "body-file"?: string; cohort?: string; from?: string; to?: string; emails?: string; preview?: boolean };

function cohortOf(values: Values): BreachCohort | string {
  if (values.cohort === "all_customers") return { kind: "all_customers" };
  if (values.cohort === "customers_with_orders") {
    const from = new Date(values.from ?? "");
    const to = new Date(values.to ?? "");
    return Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) ? "--from and --to (ISO times) are required for customers_with_orders." : { kind: values.cohort, from, to };
  }
  if (values.cohort === "list") {
    const emails = emailListSchema.safeParse(values.emails ?? "");
    return emails.success ? { kind: "list", emails: emails.data } : (emails.error.issues[0]?.message ?? "Check --emails.");
  }
  return "Choose a --cohort.";
}

/**
 * `npm run incident:notify -- …`: mails a breach notice to a cohort through the
 * job queue (the worker sends; `--preview` prints one rendered mail and sends
 * nothing). Recipients' addresses are never printed.
 */
export async function runNotify(args: string[], io: CommandIo): Promise<number> {
  const command = parseCommand<Values>("notify", args, options, usage, io);
  if (!command.ok) return EXIT.usage;
  const { values } = command;
  const body = values["body-file"] ? await readFile(values["body-file"], "utf8") : values.body;
  if (!values.subject || !body) {
    io.err(`--subject and a body are required.\nUsage: ${usage}`);
    return EXIT.usage;
  }
  const template = { subject: values.subject.slice(0, 200), body: body.slice(0, 10_000) };
  const preview = previewBreachNotice(template);
  if ("error" in preview) {
    io.err(`Unknown placeholder(s): ${preview.error.map((name) => `{{${name}}}`).join(", ")}. Use {{name}}, {{shopName}} or {{siteUrl}}.`);
    return EXIT.usage;
  }
  if (values.preview) {
    io.out(`Subject: ${preview.subject}\n\n${preview.text}`);
    return EXIT.ok;
  }
  const cohort = cohortOf(values);
  if (typeof cohort === "string") {
    io.err(`${cohort}\nUsage: ${usage}`);
    return EXIT.usage;
  }
  const result = await sendBreachNotice(command.actor, { ...template, cohort, reason: values.reason }, command.context);
  if (!result.ok) {
    io.err(result.code === "no_recipients" ? "Nobody is in that cohort: nothing was sent." : refusalLine(result.code));
    return EXIT.refused;
  }
  io.out(`Breach notice ${result.noticeId} queued for ${result.recipients} recipient(s); the worker sends it. Delivery is shown at /admin/security/incident.`);
  return EXIT.ok;
}
