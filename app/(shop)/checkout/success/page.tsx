import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PaymentStatusRefresher } from "@/components/checkout/payment-status-refresher";
import { paymentOutcome } from "@/components/checkout/payment-outcome";
import { OrderDetails } from "@/components/orders/order-details";
import { PayOrderForm } from "@/components/orders/pay-order-form";
import { requestContext } from "@/lib/auth/request-context";
import { payGuestOrderAction } from "@/lib/actions/checkout/pay-guest-order";
import { currentShopper } from "@/lib/guards/current-shopper";
import { requireSession } from "@/lib/guards/current-session";
import { getGuestOrder } from "@/lib/dal/orders/guest-checkout";
import { getMyOrder } from "@/lib/dal/orders/my-orders";
import { botChallengeRequiredHere } from "@/lib/guards/bot-challenge";
import { parseSearchParams, searchChoice } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Thank you", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The order's id; a longer value is no order id, and answers like a missing one. */
const successParamsSchema = z.object({ order: z.string().max(40).optional(), payment: searchChoice(["cancelled", "unavailable"]) });

const guestNotices = {
  cancelled: "You left the payment page. Your items stay reserved for a while: pay now, or the order is cancelled when the reservation ends.",
  unavailable: "We could not reach the payment provider. Your items are reserved: try again in a moment.",
};

/** For a guest whose browser did not place this order (or any id at all): nothing about any order. */
function CheckYourMail() {
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Check your inbox</h1>
      <p>Once your payment is confirmed, we send the confirmation by email, with a private link to follow your order.</p>
    </div>
  );
}

/**
 * Where the payment page sends the shopper back. It never marks anything
 * paid itself (anyone can open this URL): it shows what the webhook has
 * recorded, and refreshes until the payment is confirmed or has failed. A
 * customer sees one of their own orders; a guest sees the order only in the
 * browser whose guest cart placed it (anyone else: "check your inbox").
 */
export default async function CheckoutSuccessPage({ searchParams }: Props) {
  const { order: orderId, payment } = parseSearchParams(successParamsSchema, await searchParams);
  if (orderId === undefined) notFound();
  const shopper = await currentShopper();
  const guest = shopper.session === null;
  const order = guest
    ? await getGuestOrder(shopper, orderId)
    : await getMyOrder(await requireSession(`/checkout/success?order=${encodeURIComponent(orderId)}`), orderId, requestContext(await headers()));
  if (!order) {
    if (guest) return <CheckYourMail />;
    notFound();
  }
  const outcome = paymentOutcome(order);
  const notice = guest && payment && order.actions.pay ? guestNotices[payment] : undefined;
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{notice ? `Order ${order.number}` : outcome.title}</h1>
      <p role="status" className="rounded border border-neutral-300 bg-neutral-50 px-3 py-2">
        {notice ?? outcome.text}
      </p>
      {notice && <PayOrderForm orderId={order.id} action={payGuestOrderAction} challengeRequired={await botChallengeRequiredHere()} />}
      {outcome.waiting && !notice && <PaymentStatusRefresher />}
      <OrderDetails order={order} />
      <p>
        {guest ? (
          "The confirmation mail carries a private link to follow this order."
        ) : (
          <Link href="/account/orders" className="text-brand-700 underline">
            See all your orders
          </Link>
        )}
      </p>
    </div>
  );
}
