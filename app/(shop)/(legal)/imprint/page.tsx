import type { Metadata } from "next";
import { LegalPage, MailLink, PostalLines } from "@/components/legal/legal-page";
import { env } from "@/lib/env";
import { INFORMATION_PAGES } from "@/lib/legal/information-pages";
import { shopConfig } from "@/shop.config";

const { title } = INFORMATION_PAGES.imprint;
export const metadata: Metadata = { title, alternates: { canonical: INFORMATION_PAGES.imprint.href } };

export default function ImprintPage() {
  const { contact, legal } = shopConfig;
  return (
    <LegalPage title={title}>
      <p>{env.SHOP_NAME} is run by:</p>
      <p className="font-semibold">{legal.entity}</p>
      <PostalLines lines={legal.address} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Represented by</dt>
        <dd>{legal.representative}</dd>
        <dt className="font-semibold">Registration</dt>
        <dd>{legal.registration}</dd>
        <dt className="font-semibold">Tax number</dt>
        <dd>{legal.taxId}</dd>
        <dt className="font-semibold">Email</dt>
        <dd>
          <MailLink address={env.SHOP_CONTACT_EMAIL} />
        </dd>
        <dt className="font-semibold">Telephone</dt>
        <dd>{contact.phone}</dd>
      </dl>
    </LegalPage>
  );
}
