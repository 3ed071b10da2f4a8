import "server-only";
import { purchasableQuantity } from "@/lib/cart/line-problems";
import { db } from "@/lib/db";
import { variantSaleSelect, variantSaleState } from "@/lib/dal/catalog/variant-sale-state";
import { ensureCustomerCart, lockOwnCart } from "./owner";

/**
 * Moves a guest cart into the customer's account cart, in one transaction:
 * quantities are added, each capped at what may be bought now (maxPerOrder
 * and stock; an unpublished, archived or sold-out variant is left behind), and the guest
 * cart is deleted. Running it again, or twice at once, changes nothing more.
 */
export async function mergeGuestCart(userId: string, guestTokenHash: string): Promise<void> {
  // Most requests carry no guest cart, or a stale cookie whose cart was merged: one indexed read, no transaction.
  const guest = await db.cart.findUnique({ where: { tokenHash: guestTokenHash }, select: { id: true, userId: true, discountCodeId: true } });
  if (!guest || guest.userId !== null) return;

  await db.$transaction(async (tx) => {
    const items = await tx.cartItem.findMany({
      where: { cartId: guest.id },
      select: { variantId: true, quantity: true, variant: { select: variantSaleSelect } },
    });
    // Deleting first claims the guest cart: a racing merge waits on this row,
    // then deletes nothing and stops here, so no quantity is added twice.
    const claimed = await tx.cart.deleteMany({ where: { id: guest.id, userId: null } });
    if (claimed.count === 0) return;

    await ensureCustomerCart(tx, userId);
    const cartId = await lockOwnCart(tx, { kind: "customer", userId, guestTokenHash: null });
    if (!cartId) throw new Error("The customer's cart vanished inside its own transaction.");
    // A discount code applied as a guest comes along unless the account cart has its own (checked again at placement).
    if (guest.discountCodeId) await tx.cart.updateMany({ where: { id: cartId, discountCodeId: null }, data: { discountCodeId: guest.discountCodeId } });

    for (const item of items) {
      const existing = await tx.cartItem.findUnique({
        where: { cartId_variantId: { cartId, variantId: item.variantId } },
        select: { quantity: true },
      });
      const have = existing?.quantity ?? 0;
      // Never lower what the account cart already held; only add what may still be bought.
      const quantity = Math.max(have, Math.min(have + item.quantity, purchasableQuantity(variantSaleState(item.variant))));
      if (quantity === have) continue;
      await tx.cartItem.upsert({
        where: { cartId_variantId: { cartId, variantId: item.variantId } },
        create: { cartId, variantId: item.variantId, quantity },
        update: { quantity },
        select: { id: true },
      });
    }
  });
}
