import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { listDevMailbox } from "@/lib/mail/dev-mailbox";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false, follow: false } };

/** Mail the shop would have sent, for the local demo (404 unless DEV_MAILBOX is on). */
export default async function DevMailboxPage() {
  if (!env.DEV_MAILBOX) notFound();
  const messages = await listDevMailbox();
  return (
    <section className="flex flex-col gap-4" aria-labelledby="mailbox-heading">
      <h1 id="mailbox-heading" className="text-2xl font-bold">
        Dev mailbox
      </h1>
      <p className="text-neutral-700">Mail the shop sent while no SMTP server is configured, newest first.</p>
      {messages.length === 0 ? (
        <p>No mail yet.</p>
      ) : (
        <ul className="divide-y divide-neutral-200 rounded border border-neutral-200">
          {messages.map((message) => (
            <li key={message.id}>
              <Link href={`/dev/mailbox/${message.id}`} className="flex flex-col gap-1 p-3 hover:bg-neutral-50 focus:bg-neutral-50">
                <span className="font-semibold text-brand-700">{message.subject}</span>
                <span className="text-sm text-neutral-700">
                  To {message.to} · <time dateTime={message.date}>{new Date(message.date).toUTCString()}</time>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
