import type { ReactNode } from "react";

/** The frame of the shop's information pages (privacy, terms, shipping, contact, imprint): a title and readable prose. */
export function LegalPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-4 leading-relaxed [&_h2]:mt-4 [&_h2]:text-xl [&_h2]:font-semibold [&_ul]:list-disc [&_ul]:pl-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      {children}
    </article>
  );
}

/** The shop's postal address, one line each. */
export function PostalLines({ lines }: { lines: readonly string[] }) {
  return (
    <address className="not-italic">
      {lines.map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}

/** A mail link that shows its address. */
export function MailLink({ address }: { address: string }) {
  return (
    <a className="underline" href={`mailto:${address}`}>
      {address}
    </a>
  );
}
