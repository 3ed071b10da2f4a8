import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  DISCOUNT_CODE_PATTERN,
  DISCOUNT_ERRORS,
  type DiscountableLine,
  type DiscountErrorCode,
  evaluateDiscount,
  normaliseDiscountCode,
} from "@/lib/discounts/discount-rules";
import { cartOwner, lockOwnCart, type Shopper } from "@/lib/dal/cart/owner";
import { readPricedLines } from "@/lib/dal/cart/priced-lines";
import { discountUser, ruleSelect, usageOf } from "./usage";
import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";

export type ApplyDiscountResult = { ok: true; code: string } | { ok: false; code: DiscountErrorCode | "no_cart" };

/** The cart's goods, as the discount rules read them (prices from the database). */
async function discountableCart(tx: Prisma.TransactionClient, cartId: string) {
  const rows = await readPricedLines(tx, { cartId });
  const lines: DiscountableLine[] = rows.map((row) => ({ unitPriceMinor: row.unitPriceMinor, quantity: row.quantity, categoryId: row.categoryId }));
  return { lines, currency: rows[0]?.currency ?? SHOP_CURRENCY };
}

/**
 * Applies a discount code to the shopper's own cart (never a cart id from the
 * browser), after checking it against the cart as it is now and the code's
 * limits (for a customer, their own uses too; a guest's are checked when the
 * order is placed, once their email is known). An unknown code, a
 * deactivated one and a malformed one are all "unknown": a guesser learns
 * nothing more. Guessing is throttled by the action (per address and per
 * cart). The amount is computed again when the order is placed.
 */
export async function applyDiscountCode(shopper: Shopper, rawCode: string, now = new Date()): Promise<ApplyDiscountResult> {
  const owner = cartOwner(shopper);
  if (owner.kind !== "customer" && owner.kind !== "guest") return { ok: false, code: "no_cart" };
  const code = normaliseDiscountCode(rawCode);
  if (!DISCOUNT_CODE_PATTERN.test(code)) return { ok: false, code: DISCOUNT_ERRORS.unknown };
  return db.$transaction(async (tx) => {
    const cartId = await lockOwnCart(tx, owner);
    if (!cartId) return { ok: false as const, code: "no_cart" as const };
    const rule = await tx.discountCode.findUnique({ where: { code }, select: ruleSelect });
    if (!rule) return { ok: false as const, code: DISCOUNT_ERRORS.unknown };
    const cart = await discountableCart(tx, cartId);
    if (cart.lines.length === 0) return { ok: false as const, code: "no_cart" as const };
    const user =
      owner.kind === "customer"
        ? discountUser(owner.userId, (await tx.user.findUniqueOrThrow({ where: { id: owner.userId }, select: { email: true } })).email)
        : null;
    const outcome = evaluateDiscount(rule, cart, await usageOf(tx, rule.id, user), now);
    if (!outcome.ok) return { ok: false as const, code: outcome.code };
    await tx.cart.update({ where: { id: cartId }, data: { discountCodeId: rule.id } });
    return { ok: true as const, code: rule.code };
  });
}

/** Takes the discount code off the shopper's own cart (nothing to do when there is none). */
export async function removeDiscountCode(shopper: Shopper): Promise<void> {
  const owner = cartOwner(shopper);
  if (owner.kind === "customer") await db.cart.updateMany({ where: { userId: owner.userId }, data: { discountCodeId: null } });
  if (owner.kind === "guest") await db.cart.updateMany({ where: { tokenHash: owner.tokenHash, userId: null }, data: { discountCodeId: null } });
}

/** The code on a cart and what it takes off now (`problem`: why it would be refused; checked again at placement). */
export type CartDiscountPreview = { code: string; amountMinor: number; problem: DiscountErrorCode | null };

/**
 * What the discount code applied to a cart (`discountCodeId`, read from the
 * cart row) takes off `lines` now, for the checkout totals: the code's rules
 * and total limit, not yet a customer's own limit (placement checks that
 * under the code's lock).
 */
export async function previewCartDiscount(
  discountCodeId: string | null,
  order: { lines: readonly DiscountableLine[]; currency: string },
  now = new Date(),
): Promise<CartDiscountPreview | null> {
  const rule = discountCodeId ? await db.discountCode.findUnique({ where: { id: discountCodeId }, select: ruleSelect }) : null;
  if (!rule) return null;
  const outcome = evaluateDiscount(rule, order, await usageOf(db, rule.id, null), now);
  return outcome.ok ? { code: rule.code, amountMinor: outcome.amountMinor, problem: null } : { code: rule.code, amountMinor: 0, problem: outcome.code };
}
