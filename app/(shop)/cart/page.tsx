import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { CartLineItem } from "@/components/cart/cart-line-item";
import { CartSummary } from "@/components/cart/cart-summary";
import { currentShopper } from "@/lib/guards/current-shopper";
import { getCartView } from "@/lib/dal/cart/cart";

export const metadata: Metadata = { title: "Cart" };

export default async function CartPage() {
  const shopper = await currentShopper();
  const cart = await getCartView(shopper);
  if (cart.lines.length === 0) {
    return (
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">Your cart</h1>
        <EmptyState action={{ href: "/", label: "Continue shopping" }}>Your cart is empty.</EmptyState>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Your cart</h1>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem] lg:items-start">
        <ul aria-label="Items in your cart" className="flex flex-col">
          {cart.lines.map((line) => (
            <CartLineItem key={line.id} line={line} />
          ))}
        </ul>
        <CartSummary cart={cart} signedIn={shopper.session !== null} />
      </div>
      <p>
        <Link href="/" className="text-brand-700 hover:underline">
          Continue shopping
        </Link>
      </p>
    </div>
  );
}
