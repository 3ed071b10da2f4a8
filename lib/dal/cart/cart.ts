import "server-only";
import type { z } from "zod";
import { CartErrorCode, type CartFailure, cartFailure, cartFailures } from "@/lib/cart/cart-errors";
import {
  type AddToCartInput,
  addToCartSchema,
  MAX_CART_QUANTITY,
  type RemoveCartItemInput,
  removeCartItemSchema,
  type UpdateCartItemInput,
  updateCartItemSchema,
} from "@/lib/cart/cart-schema";
import { generateToken, hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { variantSaleSelect, variantSaleState } from "@/lib/dal/catalog/variant-sale-state";
import { type CustomerCartDTO, cartLineSelect, emptyCart, toCart } from "./dto";
import { mergeGuestCart } from "./merge";
import { type CartOwner, cartOwner, ensureCustomerCart, lockOwnCart, type Shopper } from "./owner";

export type { CustomerCartDTO, CustomerCartLineDTO } from "./dto";
export type { Shopper } from "./owner";

/**
 * The shopping cart of a guest (found by the token in their cart cookie) or of
 * a signed-in customer (found by their user id). Every function starts from the
 * request's shopper, never from a cart id a browser sent, so one cart's item
 * ids mean nothing in another. Quantities and product ids are validated here
 * whatever the caller did; prices are never taken from the caller at all.
 * A line is one variant of a product (lib/dal/cart/variant-choice.ts finds
 * the variant a shopper chose).
 */
export type CartChange =
  /** `guestToken`: a new guest cart was made for this change; the caller sets it as the cart cookie. */
  | { ok: true; quantity: number; guestToken: string | null }
  | CartFailure;

/**
 * The shopper's cart id, or null when they have none (or are staff). For a
 * customer who still carries a guest cart cookie, the guest cart joins the
 * account cart first: whichever way they signed in, the first page they see
 * afterwards does it.
 */
export async function resolveCart(shopper: Shopper): Promise<string | null> {
  const owner = cartOwner(shopper);
  if (owner.kind === "customer") {
    if (owner.guestTokenHash) await mergeGuestCart(owner.userId, owner.guestTokenHash);
    return (await db.cart.findUnique({ where: { userId: owner.userId }, select: { id: true } }))?.id ?? null;
  }
  if (owner.kind === "guest") {
    const cart = await db.cart.findUnique({ where: { tokenHash: owner.tokenHash }, select: { id: true, userId: true } });
    return cart && cart.userId === null ? cart.id : null;
  }
  return null;
}

/** The cart as its owner sees it, priced from the products as they are now. */
export async function getCartView(shopper: Shopper): Promise<CustomerCartDTO> {
  const cartId = await resolveCart(shopper);
  if (!cartId) return emptyCart;
  const rows = await db.cartItem.findMany({
    where: { cartId },
    select: cartLineSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return toCart(rows);
}

/** Units in the shopper's cart, for the header. */
export async function cartItemCount(shopper: Shopper): Promise<number> {
  const cartId = await resolveCart(shopper);
  if (!cartId) return 0;
  const { _sum } = await db.cartItem.aggregate({ where: { cartId }, _sum: { quantity: true } });
  return _sum.quantity ?? 0;
}

/**
 * Adds to the quantity of a variant in the cart (a new line if it is not there
 * yet). Refused, changing nothing, when the variant is unknown or archived, its
 * product unpublished, or it is sold out, or when the cart would then hold more
 * than its maxPerOrder or stock.
 */
export async function addCartItem(shopper: Shopper, input: AddToCartInput): Promise<CartChange> {
  const parsed = addToCartSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "variantId", cartFailures.productUnavailable);
  const owner = await changingOwner(shopper);
  if (owner.kind === "staff") return cartFailures.staffAccount();
  const { variantId, quantity } = parsed.data;

  return db.$transaction(async (tx) => {
    const variant = await tx.productVariant.findUnique({ where: { id: variantId }, select: variantSaleSelect });
    const sale = variant && variantSaleState(variant);
    if (!sale?.published) return cartFailures.productUnavailable();
    if (sale.stock < 1) return cartFailures.outOfStock();

    if (owner.kind === "customer") await ensureCustomerCart(tx, owner.userId);
    const cartId = owner.kind === "nobody" ? null : await lockOwnCart(tx, owner);
    const inCart = cartId ? await quantityInCart(tx, cartId, variantId) : 0;
    const total = inCart + quantity;
    const limit = Math.min(sale.maxPerOrder, MAX_CART_QUANTITY);
    if (total > limit) return cartFailures.overOrderLimit(limit, inCart);
    if (total > sale.stock) return cartFailures.overStock(sale.stock, inCart);

    // No cart yet, or a cookie whose cart is gone: a fresh cart under a fresh token (never one the browser chose).
    let guestToken: string | null = null;
    let target = cartId;
    if (!target) {
      guestToken = generateToken();
      target = (await tx.cart.create({ data: { tokenHash: hashToken(guestToken) }, select: { id: true } })).id;
    }
    await tx.cartItem.upsert({
      where: { cartId_variantId: { cartId: target, variantId } },
      create: { cartId: target, variantId, quantity: total },
      update: { quantity: total },
      select: { id: true },
    });
    return { ok: true, quantity: total, guestToken };
  });
}

/** Sets one line's quantity, within its variant's maxPerOrder and stock. */
export async function setCartItemQuantity(shopper: Shopper, input: UpdateCartItemInput): Promise<CartChange> {
  const parsed = updateCartItemSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "itemId", cartFailures.itemNotFound);
  const owner = await changingOwner(shopper);
  if (owner.kind === "staff") return cartFailures.staffAccount();
  if (owner.kind === "nobody") return cartFailures.itemNotFound();
  const { itemId, quantity } = parsed.data;

  return db.$transaction(async (tx) => {
    const cartId = await lockOwnCart(tx, owner);
    if (!cartId) return cartFailures.itemNotFound();
    const item = await tx.cartItem.findFirst({ where: { id: itemId, cartId }, select: { variant: { select: variantSaleSelect } } });
    if (!item) return cartFailures.itemNotFound();
    const sale = variantSaleState(item.variant);
    if (!sale.published) return cartFailures.productUnavailable();
    if (sale.stock < 1) return cartFailures.outOfStock();
    const limit = Math.min(sale.maxPerOrder, MAX_CART_QUANTITY);
    if (quantity > limit) return cartFailures.overOrderLimit(limit);
    if (quantity > sale.stock) return cartFailures.overStock(sale.stock);
    await tx.cartItem.update({ where: { id: itemId }, data: { quantity }, select: { id: true } });
    return { ok: true, quantity, guestToken: null };
  });
}

/** Removes one line from the shopper's own cart. */
export async function removeCartItem(shopper: Shopper, input: RemoveCartItemInput): Promise<CartChange> {
  const parsed = removeCartItemSchema.safeParse(input);
  if (!parsed.success) return cartFailures.itemNotFound();
  const owner = cartOwner(shopper);
  if (owner.kind === "staff") return cartFailures.staffAccount();
  const cartId = await resolveCart(shopper);
  if (!cartId) return cartFailures.itemNotFound();
  const removed = await db.cartItem.deleteMany({ where: { id: parsed.data.itemId, cartId } });
  return removed.count === 1 ? { ok: true, quantity: 0, guestToken: null } : cartFailures.itemNotFound();
}

/** The owner a change applies to, after a customer's guest cart has joined their account cart. */
async function changingOwner(shopper: Shopper): Promise<CartOwner> {
  const owner = cartOwner(shopper);
  if (owner.kind === "customer" && owner.guestTokenHash) await mergeGuestCart(owner.userId, owner.guestTokenHash);
  return owner;
}

async function quantityInCart(tx: Prisma.TransactionClient, cartId: string, variantId: string): Promise<number> {
  const item = await tx.cartItem.findUnique({
    where: { cartId_variantId: { cartId, variantId } },
    select: { quantity: true },
  });
  return item?.quantity ?? 0;
}

/** A bad id reads as "not found" (nothing to tell apart); a bad quantity gets the schema's own sentence. */
function invalidInput(error: z.ZodError, idField: string, idFailure: () => CartFailure): CartFailure {
  if (error.issues.some((issue) => issue.path[0] === idField)) return idFailure();
  const quantityIssue = error.issues.find((issue) => issue.path[0] === "quantity");
  return cartFailure(CartErrorCode.invalidQuantity, quantityIssue?.message ?? "Enter a quantity.");
}
