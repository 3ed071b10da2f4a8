import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ReceivedMail } from "./smtp-receiver";

/** Where the e2e SMTP receiver writes (see global-setup.ts). */
export const E2E_MAIL_DIR = "test-results/mail";

type WaitOptions = { to: string; subject?: RegExp; dir?: string; timeoutMs?: number; since?: Date };

async function readMails(dir: string): Promise<ReceivedMail[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const mails = await Promise.all(
    names
      .filter((name) => name.endsWith(".json"))
      .map((name) =>
        readFile(path.join(dir, name), "utf8")
          .then((content) => JSON.parse(content) as ReceivedMail)
          .catch(() => null),
      ),
  );
  return mails.filter((mail): mail is ReceivedMail => mail !== null);
}

/**
 * Waits for the newest message to `to` (and matching `subject`, received at or
 * after `since`) in the receiver's folder; throws after `timeoutMs`.
 */
export async function waitForMail({
  to,
  subject,
  dir = E2E_MAIL_DIR,
  timeoutMs = 30_000,
  since,
}: WaitOptions): Promise<{ subject: string; text: string; html: string }> {
  const recipient = to.toLowerCase();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const matches = (await readMails(dir))
      .filter((mail) => mail.to.includes(recipient))
      .filter((mail) => !subject || subject.test(mail.subject))
      .filter((mail) => !since || new Date(mail.date) >= since)
      .sort((a, b) => b.date.localeCompare(a.date));
    const [newest] = matches;
    if (newest) return { subject: newest.subject, text: newest.text, html: newest.html };
    if (Date.now() > deadline) {
      throw new Error(`No mail to ${to}${subject ? ` matching ${subject}` : ""} arrived in ${dir} within ${timeoutMs} ms.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first http(s) URL in `text` whose path starts with `pathPrefix`; throws if there is none. */
export function extractLink(text: string, pathPrefix: string): string {
  for (const [candidate] of text.matchAll(/https?:\/\/[^\s<>"')]+/g)) {
    if (new URL(candidate).pathname.startsWith(pathPrefix)) return candidate;
  }
  throw new Error(`No link to ${pathPrefix} in the mail.`);
}
