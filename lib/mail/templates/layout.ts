import "server-only";
import { pageLanguage } from "@/lib/config/formats";
import { shopConfig } from "@/shop.config";
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
  /**
   * What to do if the reader did not ask for this (every security mail has one).
   * Without it (order mail) the mail closes by inviting questions instead.
   */
  notMe?: string;
  /** Why the reader gets this mail, for the footer; defaults to holding an account at the shop. */
  reason?: string;
};

/** The shop's own details in every footer, from the environment, never from a request. */
type Shop = { name: string; siteUrl: string; contact: string };

/** Throws unless `url` is an absolute http(s) URL. */
export function assertHttpUrl(url: string): void {
  // Links come from SITE_URL; anything else (javascript:, data:) is a bug, never rendered.
  const protocol = new URL(url).protocol;
  if (protocol !== "https:" && protocol !== "http:") throw new Error("Mail links must be http(s) URLs.");
}

/** The parts every mail shares, worded once for both the text and the HTML rendering. */
function frame(parts: MailParts, shop: Shop) {
  return {
    greeting: `Hi ${greetingName(parts.name)},`,
    closing: parts.notMe ?? `Questions? Reply to this mail or write to ${shop.contact}.`,
    signature: `— ${shop.name}`,
    reason: parts.reason ?? `You receive this mail because you have an account at ${shop.name}.`,
  };
}

function renderText(parts: MailParts, shop: Shop): string {
  const { greeting, closing, signature, reason } = frame(parts, shop);
  const action = parts.action ? [`${parts.action.label}:\n${parts.action.url}`] : [];
  const footer = `--\n${shop.name} · ${shop.siteUrl} · ${shop.contact}\n${reason}`;
  return [shop.name, greeting, ...parts.paragraphs, ...action, closing, signature, footer].join("\n\n") + "\n";
}

// Mail clients ignore stylesheets: the design tokens of shop.config.ts go inline.
const { neutral, brand } = shopConfig.theme.colors;
const styles = {
  body: `margin:0;padding:0;background:${neutral[100]};font-family:Arial,Helvetica,sans-serif;color:${neutral[900]};line-height:1.5`,
  card: `max-width:36rem;margin:0 auto;background:#ffffff;border:1px solid ${neutral[200]}`,
  header: `background:${brand[800]};padding:16px 24px;font-size:20px;font-weight:bold`,
  headerLink: "color:#ffffff;text-decoration:none",
  content: "padding:8px 24px 16px",
  button: `display:inline-block;background:${brand[700]};color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold`,
  small: `font-size:13px;color:${neutral[700]};word-break:break-all`,
  footer: `padding:16px 24px;border-top:1px solid ${neutral[200]};font-size:12px;color:${neutral[700]}`,
};
function renderHtml(parts: MailParts, shop: Shop): string {
  const { greeting, closing, signature, reason } = frame(parts, shop);
  const paragraph = (text: string) => `<p>${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;
  const action = parts.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(parts.action.url)}" style="${styles.button}">${escapeHtml(parts.action.label)}</a></p>` +
      `<p style="${styles.small}">Or copy this address into your browser: ${escapeHtml(parts.action.url)}</p>`
    : "";
  const site = escapeHtml(shop.siteUrl);
  const contact = escapeHtml(shop.contact);
  return [
    `<!doctype html><html lang="${pageLanguage}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(parts.subject)}</title></head>`,
    `<body style="${styles.body}"><div style="padding:16px"><div style="${styles.card}">`,
    `<div style="${styles.header}"><a href="${site}" style="${styles.headerLink}">${escapeHtml(shop.name)}</a></div>`,
    `<div style="${styles.content}">`,
    paragraph(greeting),
    ...parts.paragraphs.map(paragraph),
    action,
    paragraph(closing),
    paragraph(signature),
    `</div>`,
    `<div style="${styles.footer}"><p>${escapeHtml(shop.name)} · <a href="${site}" style="color:${neutral[700]}">${site}</a> · ` +
      `<a href="mailto:${contact}" style="color:${neutral[700]}">${contact}</a></p>${paragraph(reason)}</div>`,
    `</div></div></body></html>`,
  ].join("\n");
}

/** Renders a mail in the shop's branded layout; every interpolated value is HTML-escaped. */
export function renderMail(parts: MailParts): MailContent {
  if (parts.action) assertHttpUrl(parts.action.url);
  const shop: Shop = { name: env.SHOP_NAME, siteUrl: env.SITE_URL, contact: env.SHOP_CONTACT_EMAIL };
  return {
    subject: `${parts.subject} · ${shop.name}`,
    text: renderText(parts, shop),
    html: renderHtml(parts, shop),
  };
}
