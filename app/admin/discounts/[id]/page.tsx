import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DiscountActiveForm } from "@/components/admin/discounts/discount-active-form";
import { DiscountForm } from "@/components/admin/discounts/discount-form";
import { discountIdSchema } from "@/lib/actions/admin/discounts/discount-schema";
import { setDiscountCodeActiveAction } from "@/lib/actions/admin/discounts/set-discount-code-active";
import { updateDiscountCodeAction } from "@/lib/actions/admin/discounts/update-discount-code";
import { formatMoneyInput } from "@/lib/catalog/money-text";
import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { getDiscountCode, listDiscountCategoryOptions } from "@/lib/dal/discounts/staff-discounts";
import { discountAmountLabel, discountWindowInputs, discountWindowLabel } from "@/lib/discounts/discount-display";
import { parseSearchParams, searchChoice } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Discount code" };

const paramsSchema = z.object({ notice: searchChoice(["created"]) });

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminDiscountCodePage({ params, searchParams }: Props) {
  const id = discountIdSchema.safeParse((await params).id);
  const viewer = await requireStaffPermission("discounts:read", { returnTo: id.success ? `/admin/discounts/${id.data}` : "/admin/discounts" });
  if (!id.success) notFound();
  const [code, categories] = await Promise.all([getDiscountCode(viewer, id.data), listDiscountCategoryOptions(viewer)]);
  if (!code) notFound();
  const { notice } = parseSearchParams(paramsSchema, await searchParams);
  const initial = {
    discountCode: code.code,
    kind: code.kind,
    percentOff: code.percentOff === null ? "" : String(code.percentOff),
    amountOff: code.amountOff ? formatMoneyInput(code.amountOff.amountMinor, code.amountOff.currency) : "",
    minSubtotal: code.minSubtotal ? formatMoneyInput(code.minSubtotal.amountMinor, code.minSubtotal.currency) : "",
    ...discountWindowInputs(code.startsAt, code.endsAt),
    totalLimit: code.totalLimit === null ? "" : String(code.totalLimit),
    perCustomerLimit: code.perCustomerLimit === null ? "" : String(code.perCustomerLimit),
    categoryIds: code.categoryIds.join(","),
  };
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <Link href="/admin/discounts" className="inline-flex min-h-11 items-center text-brand-700 hover:underline">
        ← All discount codes
      </Link>
      <h1 className="font-mono text-2xl font-bold">{code.code}</h1>
      {notice === "created" && <p role="status" className="rounded bg-success-50 p-3 text-success-900">The discount code was created and is active.</p>}
      <p>
        {discountAmountLabel(code)} · {discountWindowLabel(code.startsAt, code.endsAt)} · used {code.redeemed}, held by unpaid orders {code.held}
        {code.totalLimit !== null ? `, of ${code.totalLimit}` : ""} · {code.active ? "active" : "deactivated"}
      </p>
      {code.actions.edit && (
        <>
          <DiscountActiveForm action={setDiscountCodeActiveAction.bind(null, code.id)} active={code.active} />
          <h2 className="border-t border-neutral-200 pt-4 text-xl font-semibold">Rules</h2>
          <p className="text-sm text-neutral-700">Orders already placed keep the discount they were given.</p>
          <DiscountForm action={updateDiscountCodeAction.bind(null, code.id)} categories={categories} initial={initial} currency={SHOP_CURRENCY} submitLabel="Save discount code" />
        </>
      )}
    </div>
  );
}
