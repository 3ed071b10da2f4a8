import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { devMailboxDir, saveToDevMailbox } from "./dev-mailbox";

/** A message to one recipient; From is always the configured MAIL_FROM. */
export type MailMessage = { to: string; subject: string; text: string; html?: string };

/** Where mail goes: SMTP when `smtpUrl` is set, else the dev mailbox folder. */
export type MailSenderConfig = {
  smtpUrl?: string;
  from: string;
  /** Where replies go (the shop's contact address): mail invites questions by reply, and From is often a no-reply address. */
  replyTo?: string;
  mailboxDir: string;
  /** In production, mail without SMTP is refused unless the dev mailbox is explicitly enabled. */
  production: boolean;
  devMailbox: boolean;
};

/** Delivers mail; `close()` ends pooled SMTP connections. */
export type MailSender = { send(message: MailMessage): Promise<void>; close(): void };

function smtpTransport(smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  // A pool reuses connections across jobs; the timeouts keep a hung server from
  // holding a job until pg-boss expires it. The operator's own URL settings win.
  const defaults = { pool: "true", maxConnections: "3", connectionTimeout: "15000", greetingTimeout: "15000", socketTimeout: "60000" };
  for (const [key, value] of Object.entries(defaults)) if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  return nodemailer.createTransport(url.toString());
}

/**
 * A mail sender for `config`. Throws at once when production has neither SMTP
 * nor an explicitly enabled dev mailbox: mail must never vanish silently.
 */
export function createMailSender(config: MailSenderConfig): MailSender {
  if (config.smtpUrl) {
    const transport = smtpTransport(config.smtpUrl);
    return {
      // A rejected send (server down, recipient refused) throws, so the job is retried.
      send: async (message) => void (await transport.sendMail({ ...message, from: config.from, replyTo: config.replyTo })),
      close: () => transport.close(),
    };
  }
  if (config.production && !config.devMailbox) {
    throw new Error("No mail transport: set SMTP_URL (or DEV_MAILBOX=true for a local demo).");
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    send: async (message) => {
      const info = await stream.sendMail({ ...message, from: config.from, replyTo: config.replyTo });
      // `buffer: true` makes it a Buffer; the check narrows nodemailer's union type.
      if (!Buffer.isBuffer(info.message)) throw new Error("The dev mailbox expected a buffered message.");
      await saveToDevMailbox(config.mailboxDir, message, info.message);
    },
    close: () => stream.close(),
  };
}

let defaultSender: MailSender | undefined;

/** The process's mail sender, configured from the environment (created on first use). */
export function mailSender(): MailSender {
  defaultSender ??= createMailSender({
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    replyTo: env.SHOP_CONTACT_EMAIL,
    mailboxDir: devMailboxDir(),
    production: env.NODE_ENV === "production",
    devMailbox: env.DEV_MAILBOX,
  });
  return defaultSender;
}

/** Sends one message through the configured transport; throws if it cannot be delivered. */
export async function sendMail(message: MailMessage): Promise<void> {
  await mailSender().send(message);
}
