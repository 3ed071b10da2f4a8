import Link from "next/link";
import type { ReactNode } from "react";

/** A checkout page that cannot show its form: its title and why (the account's and the guest's checkout alike). */
export function CheckoutNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      {children}
    </div>
  );
}

export function PaymentsUnavailable() {
  return <p>Payments are not available right now. Your cart is kept; please try again later.</p>;
}

export function EmptyCart() {
  return (
    <p>
      Your cart is empty.{" "}
      <Link href="/" className="text-brand-700 underline">
        Continue shopping
      </Link>
    </p>
  );
}

/** Shown instead of the form while a cart line cannot be bought as it is. */
export function CartProblems() {
  return (
    <p role="alert" className="rounded border border-danger-300 bg-danger-50 px-3 py-2 text-danger-900">
      Some items cannot be bought as they are.{" "}
      <Link href="/cart" className="underline">
        Review your cart
      </Link>
      .
    </p>
  );
}
