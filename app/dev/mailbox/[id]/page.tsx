import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { readDevMailboxMessage } from "@/lib/mail/dev-mailbox";
import { LinkedText } from "../linked-text";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/** One message from the dev mailbox, as plain text with clickable links. */
export default async function DevMailboxMessagePage({ params }: Props) {
  if (!env.DEV_MAILBOX) notFound();
  const message = await readDevMailboxMessage((await params).id);
  if (!message) notFound();
  return (
    <article className="flex flex-col gap-4">
      <p>
        <Link href="/dev/mailbox" className="text-brand-700 hover:underline">
          Back to the dev mailbox
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{message.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm text-neutral-700">
        <dt className="font-semibold">To</dt>
        <dd>{message.to}</dd>
        <dt className="font-semibold">Sent</dt>
        <dd>
          <time dateTime={message.date}>{new Date(message.date).toUTCString()}</time>
        </dd>
      </dl>
      <pre className="whitespace-pre-wrap break-words rounded border border-neutral-200 bg-neutral-50 p-4 font-sans">
        <LinkedText text={message.text} />
      </pre>
    </article>
  );
}
