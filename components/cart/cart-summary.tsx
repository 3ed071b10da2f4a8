import Link from "next/link";
import { Price } from "@/components/price";
import type { CustomerCartDTO } from "@/lib/dal/cart/cart";

const primaryLink = "inline-flex min-h-11 items-center justify-center rounded bg-brand-700 px-4 font-medium text-white hover:bg-brand-800";
const secondaryLink = "inline-flex min-h-11 items-center justify-center rounded border border-brand-700 px-4 font-medium text-brand-700 hover:bg-neutral-50";

/**
 * Subtotal and the way to checkout, which waits until every line can be
 * bought as it stands. A visitor who is not signed in may sign in or check out as a guest.
 */
export function CartSummary({ cart, signedIn }: { cart: CustomerCartDTO; signedIn: boolean }) {
  return (
    <section aria-labelledby="cart-summary" className="flex flex-col gap-3 rounded border border-neutral-200 p-4">
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
      <p className="text-sm text-neutral-700">Shipping and taxes are added at checkout.</p>
      {cart.hasProblems ? (
        <p className="text-sm font-medium text-danger-800">Change the items marked above before you check out.</p>
      ) : signedIn ? (
        <Link href="/checkout" className={primaryLink}>
          Checkout
        </Link>
      ) : (
        <>
          <Link href="/checkout" className={primaryLink}>
            Sign in to check out
          </Link>
          <Link href="/checkout/guest" className={secondaryLink}>
            Check out as guest
          </Link>
        </>
      )}
    </section>
  );
}
