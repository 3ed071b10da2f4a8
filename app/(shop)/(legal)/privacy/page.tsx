import type { Metadata } from "next";
import Link from "next/link";
import { LegalPage, MailLink, PostalLines } from "@/components/legal/legal-page";
import { env } from "@/lib/env";
import { INFORMATION_PAGES } from "@/lib/legal/information-pages";
import { shopConfig } from "@/shop.config";

const { title } = INFORMATION_PAGES.privacy;
export const metadata: Metadata = { title, alternates: { canonical: INFORMATION_PAGES.privacy.href } };

/** What the shop keeps and why, as docs/data-classification.md classes it. */
export default function PrivacyPage() {
  const { legal } = shopConfig;
  return (
    <LegalPage title={title}>
      <p>
        {legal.entity} runs {env.SHOP_NAME} and decides how your personal data is used. Write to{" "}
        <MailLink address={legal.privacyEmail} /> or to:
      </p>
      <PostalLines lines={legal.address} />
      <h2>What we keep, and why</h2>
      <ul>
        <li>
          <strong>Your account:</strong> name, email address, a one-way hash of your password (never the password itself) and, if you
          turn it on, your two-factor secret, encrypted. We need them to let you sign in.
        </li>
        <li>
          <strong>Your addresses and orders:</strong> delivery addresses, encrypted at rest, and what you ordered and paid. We need
          them to deliver your order, and the law requires us to keep order records for accounting.
        </li>
        <li>
          <strong>Security records:</strong> your signed-in devices (browser and network address), sign-ins and changes to your
          account. We keep them to protect your account and to warn you of sign-ins you did not make.
        </li>
        <li>
          <strong>Payments:</strong> taken by Stripe on its own page. Your card details never reach us; we keep only the payment&apos;s
          reference and status.
        </li>
      </ul>
      <p>
        Staff see your personal data only when their role needs it, masked by default, and every time they reveal it is recorded.
        We do not sell your data or use it for advertising.
      </p>
      <h2>How long</h2>
      <p>
        Carts you leave as a guest are deleted after a while; your account&apos;s data until you delete it. When you delete your
        account, your personal data is erased or anonymised; orders stay for as long as accounting law requires, with their delivery
        address made unreadable.
      </p>
      <h2>Your rights</h2>
      <p>
        You can download everything we hold about you, or delete your account, from{" "}
        <Link className="underline" prefetch={false} href="/account/privacy">your account&apos;s privacy page</Link>. To correct, restrict or object to a
        use of your data, or to complain, write to <MailLink address={legal.privacyEmail} />; you may also complain to your data
        protection authority.
      </p>
      <h2>Cookies</h2>
      <p>
        We set only the cookies the shop needs to work: your sign-in, your cart and protection against forged forms. No analytics
        or advertising cookies.
      </p>
    </LegalPage>
  );
}
