import type { Metadata } from "next";
import Link from "next/link";
import { RiskReasons } from "@/components/admin/orders/risk-assessment";
import { Price } from "@/components/price";
import { listHeldOrdersForReview } from "@/lib/dal/orders/fraud/review-queue";
import { requireStaffPermission } from "@/lib/guards/staff-guard";

export const metadata: Metadata = { title: "Fraud review" };

/** How long an order has waited since it was placed, in whole hours or days. */
function age(hours: number): string {
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}

/** Paid orders the fraud score held, oldest first: each waits here until a reviewer approves or cancels it. */
export default async function AdminFraudReviewPage() {
  const viewer = await requireStaffPermission("orders:review", { returnTo: "/admin/orders/review" });
  const held = await listHeldOrdersForReview(viewer);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Fraud review</h1>
      <p className="max-w-2xl">
        These paid orders scored at or above the hold threshold. They cannot be packed or shipped until approved; open one to approve it or to
        cancel it and refund the payment.
      </p>
      {held.length === 0 ? (
        <p>No orders are waiting for review.</p>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">Orders held for review, oldest first</caption>
          <thead>
            <tr className="border-b border-neutral-300">
              <th scope="col" className="py-1">Order</th>
              <th scope="col" className="py-1">Score</th>
              <th scope="col" className="py-1">Reasons</th>
              <th scope="col" className="py-1">Amount</th>
              <th scope="col" className="py-1">Customer</th>
              <th scope="col" className="py-1">Age</th>
            </tr>
          </thead>
          <tbody>
            {held.map((order) => (
              <tr key={order.id} className="border-b border-neutral-200 align-top">
                <td className="py-1">
                  <Link href={`/admin/orders/${order.id}`} className="text-brand-700 hover:underline">
                    {order.number}
                  </Link>
                </td>
                <td className="py-1 font-semibold">{order.score}</td>
                <td className="py-1"><RiskReasons reasons={order.reasons} /></td>
                <td className="py-1"><Price money={order.total} /></td>
                <td className="py-1">{order.customer}</td>
                <td className="py-1">{age(order.ageHours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
