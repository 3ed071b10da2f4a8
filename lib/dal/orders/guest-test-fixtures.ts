import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { generateToken, hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import type { Shopper } from "@/lib/dal/cart/owner";
import { placeGuestOrder } from "./guest-checkout";
import { testAddress, testCheckoutSettings } from "./test-fixtures";

/**
 * Guests for the guest-order suites: a guest is a browser with a guest cart
 * cookie (its token), filled straight in the tables. Their carts are deleted
 * after the file; their orders go with the products (orderFixtures).
 */
export function guestFixtures() {
  const cartHashes: string[] = [];
  afterAll(async () => {
    await db.cart.deleteMany({ where: { tokenHash: { in: cartHashes } } });
  });

  /** A new guest with `lines` in their cart. */
  async function guest(lines: { variantId: string; quantity: number }[]): Promise<Shopper> {
    const guestToken = generateToken();
    const tokenHash = hashToken(guestToken);
    cartHashes.push(tokenHash);
    await db.cart.create({ data: { tokenHash, items: { create: lines } } });
    return { session: null, guestToken };
  }

  /** Puts `lines` back in the guest's cart (a checkout empties it). */
  async function refill(shopper: Shopper, lines: { variantId: string; quantity: number }[]) {
    const cart = await db.cart.findUniqueOrThrow({ where: { tokenHash: hashToken(shopper.guestToken ?? "") }, select: { id: true } });
    await db.cartItem.createMany({ data: lines.map((line) => ({ cartId: cart.id, ...line })) });
  }

  /** A fresh address in mixed case with spaces, as a guest might type it. */
  const guestEmail = () => `  Guest.${randomBytes(6).toString("hex")}@Example.TEST `;

  /** Places a standard-shipping guest order to the test address. */
  const order = (shopper: Shopper, email: string, clientIp?: string, settings = testCheckoutSettings) =>
    placeGuestOrder(shopper, { email, address: testAddress, shippingRateId: "standard", clientIp }, settings);

  return { guest, refill, guestEmail, order };
}
