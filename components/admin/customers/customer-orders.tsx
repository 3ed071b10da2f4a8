import Link from "next/link";
import { formatMoney } from "@/lib/catalog/money";
import type { StaffCustomerOrderDTO } from "@/lib/dal/customers/dto";
import { OrderStatusBadges } from "@/components/orders/order-status";
import { formatDate } from "@/lib/config/formats";

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
          <ul aria-label="Recent orders" className="flex flex-col divide-y divide-neutral-200">
            {orders.map((order) => (
              <li key={order.id} className="flex flex-wrap items-center justify-between gap-2 py-1">
                <Link href={`/admin/orders/${order.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline">
                  {order.number}
                </Link>
                <OrderStatusBadges paymentStatus={order.paymentStatus} fulfillmentStatus={order.fulfillmentStatus} audience="staff" />
                <span>{formatMoney(order.total)}</span>
                <time dateTime={order.placedAt.toISOString()} className="text-sm text-neutral-700">
                  {formatDate(order.placedAt)}
                </time>
              </li>
            ))}
          </ul>
          {total > orders.length && <p className="text-sm text-neutral-700">The {orders.length} newest of {total} orders.</p>}
        </>
      )}
    </section>
  );
}
