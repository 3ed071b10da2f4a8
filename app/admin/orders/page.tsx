import type { Metadata } from "next";
import Link from "next/link";
import { fulfillmentStatusText, OrderStatusBadges, paymentStatusText } from "@/components/orders/order-status";
import { Price } from "@/components/price";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { ADMIN_ORDERS_PAGE_SIZE, listOrdersForStaff } from "@/lib/dal/orders/staff-orders";
import { FULFILLMENT_STATUSES } from "@/lib/orders/fulfillment-status";
import { PAYMENT_STATUSES } from "@/lib/orders/payment-status";
import { endOfDay, parseSearchParams, searchDay, startOfDay } from "@/lib/http/search-params";
import { z } from "zod";

export const metadata: Metadata = { title: "Orders" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const orderFiltersSchema = z.object({
  payment: z.enum(PAYMENT_STATUSES).optional().catch(undefined),
  fulfillment: z.enum(FULFILLMENT_STATUSES).optional().catch(undefined),
  show: z.literal("to_ship").optional().catch(undefined),
  number: z.string().regex(/^[A-Za-z0-9-]{1,20}$/).optional().catch(undefined),
  from: searchDay,
  to: searchDay,
  page: z.coerce.number().int().catch(1).transform((page) => Math.min(Math.max(page, 1), 10_000)),
});

export default async function AdminOrdersPage({ searchParams }: Props) {
  const viewer = await requireStaffPermission("orders:read", { returnTo: "/admin/orders" });
  const params = parseSearchParams(orderFiltersSchema, await searchParams);
  const { payment, fulfillment, show, number, page } = params;
  const from = params.from ? startOfDay(params.from) : undefined;
  const to = params.to ? endOfDay(params.to) : undefined;
  const { orders, total } = await listOrdersForStaff(viewer, { payment, fulfillment, toShip: show === "to_ship", number, from, to, page });
  const kept = Object.fromEntries(
    Object.entries({ payment, fulfillment, show, number, from: params.from, to: params.to }).filter((entry): entry is [string, string] => !!entry[1]),
  );
  const pageLink = (to: number) => `?${new URLSearchParams({ ...kept, page: String(to) })}`;
  const pages = Math.max(1, Math.ceil(total / ADMIN_ORDERS_PAGE_SIZE));
  const field = "min-h-11 rounded border border-neutral-400 px-3";
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Orders</h1>
      <p className="flex gap-4">
        <Link href="/admin/orders?show=to_ship" className="text-brand-700 hover:underline" aria-current={show === "to_ship" ? "page" : undefined}>
          To ship
        </Link>
        <Link href="/admin/orders" className="text-brand-700 hover:underline" aria-current={show ? undefined : "page"}>
          All orders
        </Link>
      </p>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter orders">
        {show && <input type="hidden" name="show" value={show} />}
        <label className="flex flex-col gap-1">
          <span className="font-medium">Payment</span>
          <select name="payment" defaultValue={payment ?? ""} className={field}>
            <option value="">Any</option>
            {PAYMENT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {paymentStatusText(value, "staff")}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Shipping</span>
          <select name="fulfillment" defaultValue={fulfillment ?? ""} className={field}>
            <option value="">Any</option>
            {FULFILLMENT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {fulfillmentStatusText(value)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Order number</span>
          <input name="number" defaultValue={number} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">From</span>
          <input type="date" name="from" defaultValue={params.from ?? ""} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">To</span>
          <input type="date" name="to" defaultValue={params.to ?? ""} className={field} />
        </label>
        <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 font-medium text-white">
          Filter
        </button>
      </form>
      <p className="text-sm text-neutral-700">
        {total} {total === 1 ? "order" : "orders"}
        {show === "to_ship" ? " waiting to ship, oldest first" : ""}
      </p>
      <table className="w-full text-left">
        <thead>
          <tr className="border-b border-neutral-300">
            <th scope="col" className="py-2">Order</th>
            <th scope="col" className="py-2">Placed</th>
            <th scope="col" className="py-2">Customer</th>
            <th scope="col" className="py-2">Status</th>
            <th scope="col" className="py-2">Shipping</th>
            <th scope="col" className="py-2 text-right">Total</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className="border-b border-neutral-200">
              <td className="py-2">
                <Link href={`/admin/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
                  {order.number}
                </Link>
              </td>
              <td className="py-2">{order.placedAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              <td className="py-2">{order.customer}</td>
              <td className="py-2"><OrderStatusBadges paymentStatus={order.paymentStatus} fulfillmentStatus={order.fulfillmentStatus} audience="staff" /></td>
              <td className="py-2 capitalize">{order.shippingMethod}</td>
              <td className="py-2 text-right"><Price money={order.total} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <p className="flex gap-3">
          {page > 1 && <Link href={pageLink(page - 1)}>Previous</Link>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <Link href={pageLink(page + 1)}>Next</Link>}
        </p>
      )}
    </div>
  );
}
