import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Cart" };

export default function CartPage() {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">Your cart</h1>
      <p>Your cart is empty.</p>
      <p>
        <Link href="/" className="text-brand-700 hover:underline">
          Continue shopping
        </Link>
      </p>
    </div>
  );
}
