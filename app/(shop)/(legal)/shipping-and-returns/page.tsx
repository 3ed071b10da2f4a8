import type { Metadata } from "next";
import Link from "next/link";
import { LegalPage, MailLink } from "@/components/legal/legal-page";
import { env } from "@/lib/env";
import { INFORMATION_PAGES } from "@/lib/legal/information-pages";
import { shopConfig } from "@/shop.config";

const { title } = INFORMATION_PAGES.shipping;
export const metadata: Metadata = { title, alternates: { canonical: INFORMATION_PAGES.shipping.href } };

export default function ShippingAndReturnsPage() {
  return (
    <LegalPage title={title}>
      <h2>Shipping</h2>
      <p>
        Paid orders are packed and handed to the carrier within {shopConfig.policies.dispatchDays}. The shipping methods and their
        prices for your address are shown at checkout before you pay, and we mail you when your parcel is on its way.
      </p>
      <h2>Returns</h2>
      <p>
        You may return goods within {env.RETURN_WINDOW_DAYS} days of delivery. Ask for a return from the order&apos;s page in{" "}
        <Link className="underline" prefetch={false} href="/account/orders">your orders</Link> (or from the link in your order mail if you checked out as a
        guest), choose the items and tell us why; we mail you when it is approved and when we have received the parcel.
      </p>
      <h2>Refunds</h2>
      <p>
        Once the returned goods arrive, we refund what you paid for them to the card or account you paid with; your bank may take a
        few days to show it. We never ask for card details to make a refund.
      </p>
      <p>
        Something arrived damaged or wrong? Write to <MailLink address={env.SHOP_CONTACT_EMAIL} /> with your order number.
      </p>
    </LegalPage>
  );
}
