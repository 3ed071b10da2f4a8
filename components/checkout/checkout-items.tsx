import Link from "next/link";
import { Price } from "@/components/price";
import type { CustomerCheckoutSummaryDTO } from "@/lib/dal/orders/checkout";
import { DiscountCodeForm } from "./discount-code-form";

/** The cart's lines beside a checkout form, with their problems and the subtotal. */
export function CheckoutItems({ summary }: { summary: CustomerCheckoutSummaryDTO }) {
  return (
    <section aria-labelledby="summary-heading" className="flex flex-col gap-3 self-start rounded border border-neutral-200 p-4">
      <h2 id="summary-heading" className="text-lg font-semibold">
        Your items
      </h2>
      <ul className="flex flex-col gap-2">
        {summary.lines.map((line) => (
          <li key={`${line.name}-${line.variantTitle}`} className="flex flex-col">
            <span className="flex justify-between gap-2">
              <span>
                {line.quantity} × {line.name}
                {line.variantTitle && ` (${line.variantTitle})`}
              </span>
              <Price money={line.lineTotal} />
            </span>
            {line.problem && <span className="text-sm text-danger-800">{line.problem}</span>}
          </li>
        ))}
      </ul>
      <p className="flex justify-between border-t border-neutral-200 pt-2 font-medium">
        <span>Subtotal</span>
        <Price money={summary.subtotal} />
      </p>
      <DiscountCodeForm discount={summary.discount} />
      <Link href="/cart" className="text-brand-700 underline">
        Edit cart
      </Link>
    </section>
  );
}
