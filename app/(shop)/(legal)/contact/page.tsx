import type { Metadata } from "next";
import Link from "next/link";
import { LegalPage, MailLink, PostalLines } from "@/components/legal/legal-page";
import { env } from "@/lib/env";
import { INFORMATION_PAGES } from "@/lib/legal/information-pages";
import { shopConfig } from "@/shop.config";

const { title } = INFORMATION_PAGES.contact;
export const metadata: Metadata = { title, alternates: { canonical: INFORMATION_PAGES.contact.href } };

export default function ContactPage() {
  const { contact, legal } = shopConfig;
  return (
    <LegalPage title={title}>
      <p>
        Questions about an order, a return or your account: write to <MailLink address={env.SHOP_CONTACT_EMAIL} /> or call{" "}
        <a className="underline" href={`tel:${contact.phone.replace(/\s/g, "")}`}>
          {contact.phone}
        </a>{" "}
        ({contact.hours}). Please give your order number if you have one; we will never ask for your password, a two-factor
        code or card details.
      </p>
      <h2>By post</h2>
      <p>{legal.entity}</p>
      <PostalLines lines={legal.address} />
      <h2>Your data</h2>
      <p>
        To download or delete your data, use <Link className="underline" prefetch={false} href="/account/privacy">your account&apos;s privacy page</Link>; for
        anything else about personal data, write to <MailLink address={legal.privacyEmail} />.
      </p>
    </LegalPage>
  );
}
