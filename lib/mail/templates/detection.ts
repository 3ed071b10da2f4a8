import "server-only";
import { oneLine } from "./escape";
import { type MailContent, renderMail } from "./layout";

/**
 * To every active staff member who may read security alerts, when a detection
 * rule opens an alert. The subject is already masked: no customer's address or e-mail.
 */
export function detectionAlertMail(input: { name: string; severity: string; rule: string; subject: string; summary: string; link: string }): MailContent {
  return renderMail({
    subject: `Security alert (${oneLine(input.severity, 10)}): ${oneLine(input.rule, 60)}`,
    name: input.name,
    paragraphs: [
      `${oneLine(input.summary, 300)}.`,
      `Subject: ${oneLine(input.subject, 80)}. Severity: ${oneLine(input.severity, 10)}.`,
      "Review it, and acknowledge it with a note once handled, on the admin's security page.",
    ],
    action: { label: "Open the security page", url: input.link },
    notMe: "You receive this because your staff role may read security alerts.",
    reason: "You receive this mail because your staff role may read security alerts.",
  });
}
