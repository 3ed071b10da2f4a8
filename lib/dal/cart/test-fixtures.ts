import { randomUUID } from "node:crypto";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { addCartItem, type CartChange, resolveCart, type Shopper } from "./cart";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { testUsers } from "@/lib/dal/test-users";
import { createTestProduct } from "@/lib/dal/catalog/test-products";

type ProductFields = { priceMinor?: number; stock?: number; maxPerOrder?: number; published?: boolean };

/**
 * Products, customers and guest carts for the cart suites. Products are the
 * suite's own, so their stock, prices and limits can be changed freely; all of
 * it is deleted after the file (customer carts go with their users).
 */
export function cartFixtures() {
  const productIds: string[] = [];
  const guestTokens: string[] = [];
  const users = testUsers({
    defaults: { name: "Cart Tester" },
    cleanUp: async () => {
      await db.cart.deleteMany({ where: { tokenHash: { in: guestTokens.map(hashToken) } } });
      await db.product.deleteMany({ where: { id: { in: productIds } } });
    },
  });

  async function product(fields: ProductFields = {}) {
    const audio = await db.category.findUniqueOrThrow({ where: { slug: "audio" }, select: { id: true } });
    const slug = `vitest-cart-${randomUUID()}`;
    const row = await createTestProduct({
      slug,
      name: `Cart Test ${slug.slice(-6)}`,
      description: "A product for the cart tests.",
      priceMinor: 1250,
      stock: 50,
      maxPerOrder: 10,
      imagePath: "/products/cart-test.svg",
      categoryId: audio.id,
      ...fields,
    });
    productIds.push(row.id);
    return row;
  }

  async function customer(audience: ActiveSession["audience"] = "customer"): Promise<ActiveSession> {
    const user = await users.createUser(audience === "staff" ? { kind: "staff" } : {});
    return {
      sessionId: "test",
      userId: user.id,
      audience,
      persistent: false,
      secondFactorPending: false,
      reauthenticatedAt: new Date(),
      assurance: { method: "password", passwordVerifiedAt: new Date(), secondFactorVerifiedAt: null },
      user: { name: "Cart Tester", email: user.email, emailVerified: true, twoFactorEnabled: false },
    };
  }

  /** A guest with a cart holding `quantity` of `variantId`; returns the shopper with its cookie token. */
  async function guestWith(variantId: string, quantity: number): Promise<Shopper> {
    const { guestToken } = expectOk(await addCartItem(guest(), { variantId, quantity }));
    if (!guestToken) throw new Error("a new guest cart should come with a token");
    guestTokens.push(guestToken);
    return guest(guestToken);
  }

  return { users, guestTokens, product, customer, guestWith };
}

export const guest = (token: string | null = null): Shopper => ({ session: null, guestToken: token });
export const signedIn = (session: ActiveSession, guestToken: string | null = null): Shopper => ({ session, guestToken });

export function expectOk(change: CartChange): Extract<CartChange, { ok: true }> {
  if (!change.ok) throw new Error(`expected success, got ${change.code}: ${change.message}`);
  return change;
}

/** Every line of a cart as stored, to prove a refused change wrote nothing. */
export async function storedLines(shopper: Shopper) {
  const cartId = await resolveCart(shopper);
  return db.cartItem.findMany({
    where: { cartId: cartId ?? "none" },
    select: { id: true, variantId: true, quantity: true, updatedAt: true },
    orderBy: { id: "asc" },
  });
}
