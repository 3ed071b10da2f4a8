import Link from "next/link";
import { formatMoney } from "@/lib/catalog/money";
import type { StaffCustomerOrderDTO } from "@/lib/dal/customers/dto";
import type { OrderStatus } from "@/lib/payments/order-transitions";
import { formatDate } from "./format-time";

// Staff wording: the customer-facing badge speaks to the shopper ("we will contact you").
const statusLabels: Record<OrderStatus, string> = {
  pending_payment: "Awaiting payment",
  paid: "Paid",
  fulfilled: "Fulfilled",
  cancelled: "Cancelled",
  partially_refunded: "Partly refunded",
  refunded: "Refunded",
  on_hold: "On hold",
};

export function CustomerOrders({ orders, total }: { orders: StaffCustomerOrderDTO[]; total: number }) {
  return (
    <section aria-labelledby="orders-heading" className="flex flex-col gap-2">
      <h2 id="orders-heading" className="text-lg font-semibold">
        Recent orders
      </h2>
      {orders.length === 0 ? (
        <p>No orders yet.</p>
      ) : (
        <>
          <ul aria-label="Recent orders" className="flex flex-col divide-y divide-slate-200">
            {orders.map((order) => (
              <li key={order.id} className="flex flex-wrap items-center justify-between gap-2 py-1">
                <Link href={`/admin/orders/${order.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline">
                  {order.number}
                </Link>
                <span>{statusLabels[order.status]}</span>
                <span>{formatMoney(order.total)}</span>
                <time dateTime={order.placedAt.toISOString()} className="text-sm text-slate-700">
                  {formatDate(order.placedAt)}
                </time>
              </li>
            ))}
          </ul>
          {total > orders.length && <p className="text-sm text-slate-700">The {orders.length} newest of {total} orders.</p>}
        </>
      )}
    </section>
  );
}
