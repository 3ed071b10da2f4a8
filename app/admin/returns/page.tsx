import type { Metadata } from "next";
import Link from "next/link";
import { returnStatusText } from "@/components/orders/return-status-text";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { listOpenReturnsForStaff } from "@/lib/dal/orders/returns/staff-returns";

export const metadata: Metadata = { title: "Returns" };

/** Returns waiting for staff (requested, approved, received), oldest first. */
export default async function AdminReturnsPage() {
  const viewer = await requireStaffPermission("orders:returns", { returnTo: "/admin/returns" });
  const returns = await listOpenReturnsForStaff(viewer);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Returns</h1>
      {returns.length === 0 ? (
        <p>No open returns.</p>
      ) : (
        <table className="w-full max-w-3xl text-left">
          <caption className="sr-only">Open returns, oldest first</caption>
          <thead>
            <tr className="border-b border-neutral-300">
              <th scope="col" className="py-1">Order</th>
              <th scope="col" className="py-1">Status</th>
              <th scope="col" className="py-1">Items</th>
              <th scope="col" className="py-1">Requested (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {returns.map((entry) => (
              <tr key={entry.id} className="border-b border-neutral-200">
                <td className="py-1">
                  <Link href={`/admin/orders/${entry.orderId}`} className="text-brand-700 hover:underline">
                    {entry.orderNumber}
                  </Link>
                </td>
                <td className="py-1">{returnStatusText(entry.status, "staff")}</td>
                <td className="py-1">{entry.units}</td>
                <td className="py-1">{entry.requestedAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
