import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { listDiscountCategoryOptions, listDiscountCodes } from "@/lib/dal/discounts/staff-discounts";
import { formatMoney } from "@/lib/catalog/money";
import { discountAmountLabel, discountWindowLabel } from "@/lib/discounts/discount-display";

export const metadata: Metadata = { title: "Discount codes" };

export default async function AdminDiscountsPage() {
  const viewer = await requireStaffPermission("discounts:read", { returnTo: "/admin/discounts" });
  const [codes, categories] = await Promise.all([listDiscountCodes(viewer), listDiscountCategoryOptions(viewer)]);
  const categoryName = (id: string) => categories.find((category) => category.id === id)?.name ?? "(removed category)";
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Discount codes</h1>
        {can(viewer.role, "discounts:manage") && (
          <Link href="/admin/discounts/new" className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
            New discount code
          </Link>
        )}
      </div>
      <p className="text-neutral-700">
        A use is <em>held</em> while its order awaits payment and counts toward the limits; it is <em>used</em> once paid, and freed if the order is cancelled or expires.
      </p>
      {codes.length === 0 ? (
        <p role="status">No discount codes yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <thead>
              <tr className="border-b border-neutral-300">
                <th scope="col" className="p-2">Code</th>
                <th scope="col" className="p-2">Discount</th>
                <th scope="col" className="p-2">Applies to</th>
                <th scope="col" className="p-2">Valid</th>
                <th scope="col" className="p-2">Used / held / limit</th>
                <th scope="col" className="p-2">Status</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((code) => (
                <tr key={code.id} className="border-b border-neutral-200" data-testid="discount-row">
                  <td className="p-2 font-mono">
                    <Link href={`/admin/discounts/${code.id}`} className="text-brand-700 underline">{code.code}</Link>
                  </td>
                  <td className="p-2">
                    {discountAmountLabel(code)}
                    {code.minSubtotal && <span className="block text-sm text-neutral-700">from {formatMoney(code.minSubtotal)}</span>}
                  </td>
                  <td className="p-2">{code.categoryIds.length === 0 ? "Whole order" : code.categoryIds.map(categoryName).join(", ")}</td>
                  <td className="p-2">{discountWindowLabel(code.startsAt, code.endsAt)}</td>
                  <td className="p-2">
                    {code.redeemed} / {code.held} / {code.totalLimit ?? "∞"}
                    {code.perCustomerLimit !== null && <span className="block text-sm text-neutral-700">{code.perCustomerLimit} per customer</span>}
                  </td>
                  <td className="p-2">{code.active ? "Active" : "Deactivated"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
