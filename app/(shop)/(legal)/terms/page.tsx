import type { Metadata } from "next";
import Link from "next/link";
import { LegalPage, MailLink } from "@/components/legal/legal-page";
import { env } from "@/lib/env";
import { INFORMATION_PAGES } from "@/lib/legal/information-pages";
import { shopConfig } from "@/shop.config";

const { title } = INFORMATION_PAGES.terms;
export const metadata: Metadata = { title, alternates: { canonical: INFORMATION_PAGES.terms.href } };

export default function TermsPage() {
  const { legal } = shopConfig;
  return (
    <LegalPage title={title}>
      <p>
        These terms apply to orders placed at {env.SHOP_NAME}, a shop run by {legal.entity} (see the{" "}
        <Link className="underline" prefetch={false} href={INFORMATION_PAGES.imprint.href}>imprint</Link>).
      </p>
      <h2>Prices and payment</h2>
      <p>
        Prices are in {shopConfig.currency}. Shipping and any tax are shown at checkout before you pay. Payment is taken by our
        payment provider, Stripe, on its own secure page: your card details never reach this shop. Your order is accepted once the
        payment is confirmed, and we mail you a confirmation.
      </p>
      <h2>Stock and reservations</h2>
      <p>
        Goods are reserved for you while you pay. An order not paid in time is cancelled and its goods are released; no money is
        taken for it.
      </p>
      <h2>Delivery and returns</h2>
      <p>
        Delivery and returns are described on <Link className="underline" prefetch={false} href={INFORMATION_PAGES.shipping.href}>shipping and returns</Link>:
        you may return goods within {env.RETURN_WINDOW_DAYS} days of delivery.
      </p>
      <h2>Your account</h2>
      <p>
        Keep your password to yourself and turn on two-factor sign-in. We may pause orders for a security check, and we suspend
        accounts that are used for fraud.
      </p>
      <h2>Questions and complaints</h2>
      <p>
        Write to <MailLink address={env.SHOP_CONTACT_EMAIL} />.
      </p>
    </LegalPage>
  );
}
