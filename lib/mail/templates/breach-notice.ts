import "server-only";
import { env } from "@/lib/env";
import { greetingName, oneLine } from "./escape";
import { type MailContent, renderMail } from "./layout";

/** The placeholders a breach notice's subject and body may use. */
export const BREACH_PLACEHOLDERS = ["name", "shopName", "siteUrl"] as const;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Placeholders in `template` that are not BREACH_PLACEHOLDERS (shown to the author; a notice with any is refused). */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(BREACH_PLACEHOLDERS);
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "").filter((name) => !known.has(name)))];
}

function fill(template: string, name: string): string {
  const values: Record<string, string> = { name: greetingName(name), shopName: env.SHOP_NAME, siteUrl: env.SITE_URL };
  return template.replace(PLACEHOLDER, (whole, key: string) => values[key] ?? whole);
}

/**
 * A breach notice for one recipient: the owner's subject and body with the
 * placeholders filled (the name made safe to greet with), paragraphs split on
 * blank lines, in the shop's layout (every value HTML-escaped there).
 */
export function breachNoticeMail(input: { subject: string; body: string; name: string }): MailContent {
  return renderMail({
    subject: oneLine(fill(input.subject, input.name), 200),
    name: input.name,
    paragraphs: fill(input.body, input.name)
      .split(/\r?\n\s*\r?\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph !== ""),
    notMe: `Questions about this notice? Write to ${env.SHOP_CONTACT_EMAIL}.`,
    reason: `You receive this mail because you have an account or placed an order at ${env.SHOP_NAME}, and the law or our own policy asks us to tell you.`,
  });
}
