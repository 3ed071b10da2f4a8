import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PaymentStatusRefresher } from "@/components/checkout/payment-status-refresher";
import { OrderDetails } from "@/components/orders/order-details";
import { requestContext } from "@/lib/auth/request-context";
import { requireSession } from "@/lib/guards/current-session";
import { getMyOrder } from "@/lib/dal/orders/my-orders";
import { parseSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Thank you" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The order's id; a longer value is no order id, and answers like a missing one. */
const successParamsSchema = z.object({ order: z.string().max(40).optional() });

/**
 * Where the payment page sends the shopper back. It never marks anything
 * paid itself (anyone can open this URL): it shows what the webhook has
 * recorded, and refreshes until the payment is confirmed or has failed.
 */
export default async function CheckoutSuccessPage({ searchParams }: Props) {
  const { order: orderId } = parseSearchParams(successParamsSchema, await searchParams);
  if (orderId === undefined) notFound();
  const viewer = await requireSession(`/checkout/success?order=${encodeURIComponent(orderId)}`);
  const order = await getMyOrder(viewer, orderId, requestContext(await headers()));
  if (!order) notFound();
  const waiting = order.paymentStatus === "pending";
  const failed = order.paymentStatus === "cancelled" || order.paymentStatus === "failed";
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{failed ? "Payment not completed" : waiting ? "Confirming your payment…" : "Thank you for your order"}</h1>
      <p role="status" className="rounded border border-slate-300 bg-slate-50 px-3 py-2">
        {failed
          ? `The payment for order ${order.number} did not go through, so the order was closed. Your items are back in stock for everyone.`
          : waiting
            ? `We are waiting for the payment provider to confirm the payment for order ${order.number}. This page updates by itself.`
            : `Payment received for order ${order.number}. A confirmation is on its way to your inbox.`}
      </p>
      {waiting && <PaymentStatusRefresher />}
      <OrderDetails order={order} />
      <p>
        <Link href="/account/orders" className="text-brand-700 underline">
          See all your orders
        </Link>
      </p>
    </div>
  );
}
