import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderDetails } from "@/components/orders/order-details";
import { OrderReturnsSection } from "@/components/orders/order-returns-section";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { PayOrderForm } from "@/components/orders/pay-order-form";
import { payStatusLinkOrderAction } from "@/lib/actions/checkout/pay-status-link-order";
import { requestReturnByStatusLinkAction } from "@/lib/actions/returns/request-return-by-status-link";
import { getReturnsByStatusToken } from "@/lib/dal/orders/returns/status-link-returns";
import { botChallengeRequiredHere } from "@/lib/guards/bot-challenge";
import { findOrderByStatusToken } from "@/lib/dal/orders/status-links";
import { formatZonedTime } from "@/lib/config/formats";

// Personal: never indexed, never cached (a dynamic page is no-store), and no-referrer (next.config.js, tokenPages).
export const metadata: Metadata = { title: "Your order", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

/**
 * The order a mailed status link opens, for a guest who has no account page.
 * The token is the only credential: a guessed, malformed or expired token all
 * answer the same 404. Throttled per client address in proxy.ts.
 */
export default async function OrderStatusPage({ params }: Props) {
  const { token } = await params;
  const order = await findOrderByStatusToken(token);
  if (!order) notFound();
  const returns = await getReturnsByStatusToken(token);
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Order {order.number}</h1>
      {order.actions.pay && (
        <div className="flex max-w-sm flex-col gap-2">
          <p>Reserved until {formatZonedTime(order.reservationExpiresAt)}.</p>
          <PayOrderForm field={{ name: "statusToken", value: token }} action={payStatusLinkOrderAction} challengeRequired={await botChallengeRequiredHere()} />
        </div>
      )}
      <OrderDetails order={order} />
      {returns && <OrderReturnsSection returns={returns} action={requestReturnByStatusLinkAction.bind(null, token)} />}
      <OrderTimeline entries={order.timeline} />
      <p className="text-sm text-neutral-700">
        This page is private to whoever has the link from your confirmation mail. Sign up with the same email and confirm it, and this order joins your
        account.
      </p>
    </div>
  );
}
