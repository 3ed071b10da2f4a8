import type { Metadata } from "next";
import Link from "next/link";
import { OrderStatusBadge } from "@/components/orders/order-status";
import { Price } from "@/components/price";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { ADMIN_ORDERS_PAGE_SIZE, listOrdersForStaff } from "@/lib/dal/orders/staff-orders";
import { ORDER_STATUSES, type OrderStatus } from "@/lib/payments/order-transitions";

export const metadata: Metadata = { title: "Orders" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 40) : "");
const date = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(`${value}T00:00:00Z`) : undefined);

export default async function AdminOrdersPage({ searchParams }: Props) {
  const viewer = await requireStaffPermission("orders:read", { returnTo: "/admin/orders" });
  const params = await searchParams;
  const status = (ORDER_STATUSES as readonly string[]).includes(text(params.status)) ? (text(params.status) as OrderStatus) : undefined;
  const page = Math.min(Math.max(Number.parseInt(text(params.page), 10) || 1, 1), 10_000);
  const from = date(text(params.from));
  const toDay = date(text(params.to));
  const to = toDay ? new Date(toDay.getTime() + 86_400_000) : undefined;
  const number = /^[A-Za-z0-9-]{1,20}$/.test(text(params.number)) ? text(params.number) : undefined;
  const { orders, total } = await listOrdersForStaff(viewer, { status, number, from, to, page });
  const pages = Math.max(1, Math.ceil(total / ADMIN_ORDERS_PAGE_SIZE));
  const field = "min-h-11 rounded border border-slate-400 px-3";
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Orders</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter orders">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Status</span>
          <select name="status" defaultValue={status ?? ""} className={field}>
            <option value="">Any</option>
            {ORDER_STATUSES.map((value) => (
              <option key={value} value={value}>
                {value.replace(/_/g, " ")}
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
          <input type="date" name="from" defaultValue={text(params.from)} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">To</span>
          <input type="date" name="to" defaultValue={text(params.to)} className={field} />
        </label>
        <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 font-medium text-white">
          Filter
        </button>
      </form>
      <p className="text-sm text-slate-700">
        {total} {total === 1 ? "order" : "orders"}
      </p>
      <table className="w-full text-left">
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2">Order</th>
            <th scope="col" className="py-2">Placed</th>
            <th scope="col" className="py-2">Customer</th>
            <th scope="col" className="py-2">Status</th>
            <th scope="col" className="py-2 text-right">Total</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className="border-b border-slate-200">
              <td className="py-2">
                <Link href={`/admin/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
                  {order.number}
                </Link>
              </td>
              <td className="py-2">{order.placedAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              <td className="py-2">{order.customer}</td>
              <td className="py-2"><OrderStatusBadge status={order.status} /></td>
              <td className="py-2 text-right"><Price money={order.total} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <p className="flex gap-3">
          {page > 1 && <Link href={`?${new URLSearchParams({ ...(status ? { status } : {}), page: String(page - 1) })}`}>Previous</Link>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <Link href={`?${new URLSearchParams({ ...(status ? { status } : {}), page: String(page + 1) })}`}>Next</Link>}
        </p>
      )}
    </div>
  );
}
