import Link from "next/link";

/**
 * The header's cart link with the number of items: shown as "Cart (3)", read
 * out as "Cart, 3 items" (the name starts with the visible word "Cart").
 * Not prefetched: the cart is a personal page (components/shopper/header-account-links.tsx).
 */
export function CartLink({ className, count }: { className: string; count: number }) {
  if (count === 0) {
    return (
      <Link href="/cart" prefetch={false} className={className}>
        Cart
      </Link>
    );
  }
  return (
    <Link href="/cart" prefetch={false} className={className} aria-label={`Cart, ${count} ${count === 1 ? "item" : "items"}`}>
      Cart ({count})
    </Link>
  );
}
