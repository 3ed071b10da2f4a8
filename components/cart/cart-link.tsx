import Link from "next/link";
import { currentShopper } from "@/lib/guards/current-shopper";
import { cartItemCount } from "@/lib/dal/cart/cart";

/**
 * The header's cart link with the number of items: shown as "Cart (3)", read
 * out as "Cart, 3 items" (the name starts with the visible word "Cart").
 */
export async function CartLink({ className }: { className: string }) {
  const count = await cartItemCount(await currentShopper());
  if (count === 0) {
    return (
      <Link href="/cart" className={className}>
        Cart
      </Link>
    );
  }
  return (
    <Link href="/cart" className={className} aria-label={`Cart, ${count} ${count === 1 ? "item" : "items"}`}>
      Cart ({count})
    </Link>
  );
}
