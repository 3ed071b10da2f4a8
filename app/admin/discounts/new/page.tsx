import type { Metadata } from "next";
import Link from "next/link";
import { DiscountForm } from "@/components/admin/discounts/discount-form";
import { createDiscountCodeAction } from "@/lib/actions/admin/discounts/create-discount-code";
import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { listDiscountCategoryOptions } from "@/lib/dal/discounts/staff-discounts";

export const metadata: Metadata = { title: "New discount code" };

const blank = { discountCode: "", kind: "percentage", percentOff: "", amountOff: "", minSubtotal: "", startsOn: "", endsOn: "", totalLimit: "", perCustomerLimit: "", categoryIds: "" };

export default async function NewDiscountCodePage() {
  const viewer = await requireStaffPermission("discounts:manage", { returnTo: "/admin/discounts/new" });
  const categories = await listDiscountCategoryOptions(viewer);
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <Link href="/admin/discounts" className="inline-flex min-h-11 items-center text-brand-700 hover:underline">
        ← All discount codes
      </Link>
      <h1 className="text-2xl font-bold">New discount code</h1>
      <DiscountForm action={createDiscountCodeAction} categories={categories} initial={blank} currency={SHOP_CURRENCY} submitLabel="Create discount code" />
    </div>
  );
}
