import type { Metadata } from "next";
import Link from "next/link";
import { OrderStatusBadges } from "@/components/orders/order-status";
import { Price } from "@/components/price";
import { requireSession } from "@/lib/guards/current-session";
import { listMyOrders } from "@/lib/dal/orders/my-orders";
import { formatDate } from "@/lib/config/formats";

export const metadata: Metadata = { title: "Your orders" };

export default async function OrdersPage() {
  const viewer = await requireSession("/account/orders");
  const orders = await listMyOrders(viewer);
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Your orders</h1>
      {orders.length === 0 ? (
        <p>
          You have not placed an order yet.{" "}
          <Link href="/" className="text-brand-700 underline">
            Start shopping
          </Link>
        </p>
      ) : (
        <ul aria-label="Orders" className="flex flex-col gap-3">
          {orders.map((order) => (
            <li key={order.id} className="flex flex-wrap items-center justify-between gap-3 rounded border border-neutral-200 p-3">
              <span className="flex flex-col">
                <Link href={`/account/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
                  Order {order.number}
                </Link>
                <span className="text-sm text-neutral-700">
                  {formatDate(order.placedAt)} · {order.itemCount}{" "}
                  {order.itemCount === 1 ? "item" : "items"}
                </span>
              </span>
              <span className="flex items-center gap-3">
                <OrderStatusBadges paymentStatus={order.paymentStatus} fulfillmentStatus={order.fulfillmentStatus} />
                <Price money={order.total} className="font-medium" />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
