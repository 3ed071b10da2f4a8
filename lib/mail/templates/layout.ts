import "server-only";
import { env } from "@/lib/env";
import { escapeHtml, greetingName } from "./escape";

/** A rendered mail: plain text always, HTML as an alternative. */
export type MailContent = { subject: string; text: string; html: string };

/** What a template says; the layout turns it into text and HTML the same way for every mail. */
export type MailParts = {
  subject: string;
  name: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** What to do if the reader did not ask for this (every security mail has one). */
  notMe: string;
};

/** Throws unless `url` is an absolute http(s) URL. */
export function assertHttpUrl(url: string): void {
  // Links come from SITE_URL; anything else (javascript:, data:) is a bug, never rendered.
  const protocol = new URL(url).protocol;
  if (protocol !== "https:" && protocol !== "http:") throw new Error("Mail links must be http(s) URLs.");
}

function renderText(parts: MailParts, greeting: string, shop: string): string {
  const action = parts.action ? [`${parts.action.label}:\n${parts.action.url}`] : [];
  return [`Hi ${greeting},`, ...parts.paragraphs, ...action, parts.notMe, `— ${shop}`].join("\n\n") + "\n";
}

function renderHtml(parts: MailParts, greeting: string, shop: string): string {
  const paragraph = (text: string) => `<p>${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;
  const action = parts.action
    ? `<p><a href="${escapeHtml(parts.action.url)}">${escapeHtml(parts.action.label)}</a></p>` +
      `<p>Or copy this address into your browser: ${escapeHtml(parts.action.url)}</p>`
    : "";
  return [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>`,
    `<body style="font-family:sans-serif;line-height:1.5;color:#0f172a;max-width:36rem;margin:0 auto;padding:1rem">`,
    `<p><strong>${escapeHtml(shop)}</strong></p>`,
    paragraph(`Hi ${greeting},`),
    ...parts.paragraphs.map(paragraph),
    action,
    paragraph(parts.notMe),
    `</body></html>`,
  ].join("\n");
}

/** Renders a mail in the shop's plain layout; every interpolated value is HTML-escaped. */
export function renderMail(parts: MailParts): MailContent {
  if (parts.action) assertHttpUrl(parts.action.url);
  const greeting = greetingName(parts.name);
  const shop = env.SHOP_NAME;
  return {
    subject: `${parts.subject} · ${shop}`,
    text: renderText(parts, greeting, shop),
    html: renderHtml(parts, greeting, shop),
  };
}
