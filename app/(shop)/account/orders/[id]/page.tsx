import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { OrderDetails } from "@/components/orders/order-details";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { OrderReturnsSection } from "@/components/orders/order-returns-section";
import { PayOrderForm } from "@/components/orders/pay-order-form";
import { requestReturnAction } from "@/lib/actions/returns/request-return";
import { requestContext } from "@/lib/auth/request-context";
import { requireSession } from "@/lib/guards/current-session";
import { getMyOrder } from "@/lib/dal/orders/my-orders";
import { getMyOrderReturns } from "@/lib/dal/orders/returns/customer-returns";
import { botChallengeRequiredHere } from "@/lib/guards/bot-challenge";
import { parseSearchParams, searchChoice } from "@/lib/http/search-params";
import { formatZonedTime } from "@/lib/config/formats";

export const metadata: Metadata = { title: "Your order" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices = {
  cancelled: "You left the payment page. Your items stay reserved for a while: pay now, or the order is cancelled when the reservation ends.",
  unavailable: "We could not reach the payment provider. Your items are reserved: try again in a moment.",
};

const orderParamsSchema = z.object({ payment: searchChoice(["cancelled", "unavailable"]) });

export default async function OrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireSession(`/account/orders/${encodeURIComponent(id)}`);
  // Another customer's order id is answered like an unknown one.
  const order = id.length <= 40 ? await getMyOrder(viewer, id, requestContext(await headers())) : null;
  if (!order) notFound();
  const returns = await getMyOrderReturns(viewer, order.id);
  const { payment } = parseSearchParams(orderParamsSchema, await searchParams);
  const notice = payment && order.actions.pay ? notices[payment] : undefined;
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <p>
        <Link href="/account/orders" className="text-brand-700 hover:underline">
          ← Your orders
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Order {order.number}</h1>
      {notice && (
        <p role="status" className="rounded border border-warning-300 bg-warning-50 px-3 py-2 text-warning-950">
          {notice}
        </p>
      )}
      {order.actions.pay && (
        <div className="flex max-w-sm flex-col gap-2">
          <p>
            Reserved until {formatZonedTime(order.reservationExpiresAt)}.
          </p>
          <PayOrderForm orderId={order.id} challengeRequired={await botChallengeRequiredHere(viewer.userId)} />
        </div>
      )}
      <OrderDetails order={order} />
      {returns && <OrderReturnsSection returns={returns} action={requestReturnAction.bind(null, order.id)} />}
      <OrderTimeline entries={order.timeline} />
    </div>
  );
}
