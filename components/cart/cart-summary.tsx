import Link from "next/link";
import { Price } from "@/components/price";
import type { CustomerCartDTO } from "@/lib/dal/cart/cart";

/** Subtotal and the way to checkout, which waits until every line can be bought as it stands. */
export function CartSummary({ cart }: { cart: CustomerCartDTO }) {
  return (
    <section aria-labelledby="cart-summary" className="flex flex-col gap-3 rounded border border-slate-200 p-4">
      <h2 id="cart-summary" className="text-lg font-semibold">
        Summary
      </h2>
      <dl className="grid grid-cols-[1fr_auto] gap-y-1">
        <dt>Items</dt>
        <dd className="text-right">{cart.itemCount}</dd>
        <dt className="font-semibold">Subtotal</dt>
        <dd className="text-right font-semibold">
          {cart.subtotals.map((money) => (
            <Price key={money.currency} money={money} className="block" />
          ))}
        </dd>
      </dl>
      <p className="text-sm text-slate-700">Shipping and taxes are added at checkout.</p>
      {cart.hasProblems ? (
        <p className="text-sm font-medium text-red-800">Change the items marked above before you check out.</p>
      ) : (
        <Link
          href="/checkout"
          className="inline-flex min-h-11 items-center justify-center rounded bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
        >
          Checkout
        </Link>
      )}
    </section>
  );
}
