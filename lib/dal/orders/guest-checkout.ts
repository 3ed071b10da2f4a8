import "server-only";
import { assertShopOpen } from "@/lib/dal/lockdown/state";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import type { AddressInput } from "@/lib/addresses/address-schema";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentGateway } from "@/lib/payments/gateway";
import type { PricingRules } from "@/lib/payments/pricing";
import { cartOwner, type Shopper } from "@/lib/dal/cart/owner";
import { type CustomerCheckoutSummaryDTO, checkoutSummaryOf } from "./checkout";
import { CHECKOUT_ERROR_CODES, CheckoutError } from "./checkout-errors";
import { clientAddressIndexOf, ordersOf } from "./limits";
import { type CustomerOrderDTO, detailSelect, toMyOrder } from "./my-orders";
import { type CheckoutSettings, createOrderFromCart, PLACEMENT_TRANSACTION } from "./order-placement";
import { openHostedCheckout, type PaymentUrls } from "./payment-start";

/**
 * Checkout without an account. The guest is whoever holds the guest cart
 * cookie: the order is placed from that cart and bound to it (the hash of its
 * token), so until the order-status link arrives by mail, that browser (and
 * no other) may see the order and reopen its payment page. The email typed
 * here is where mail goes; it proves nothing (an account claims these orders
 * only by confirming the address through a mailed link).
 */

export type GuestOrderInput = {
  email: string;
  address: AddressInput;
  /** The id of the shipping rate chosen; the destination's zone must offer it. */
  shippingRateId: string;
  /** The client's address (`clientIp`), for the per-address cap; unknown or absent: that cap does not apply. */
  clientIp?: string;
};

/** The guest cart's token hash, or null when the request is no guest (signed in, staff, or without a cart cookie). */
function guestCartOf(shopper: Shopper): string | null {
  const owner = cartOwner(shopper);
  return owner.kind === "guest" ? owner.tokenHash : null;
}

/** The orders the guest behind `shopper` placed (none for anyone else). */
function guestOrders(shopper: Shopper): Prisma.OrderWhereInput | null {
  const cartTokenHash = guestCartOf(shopper);
  return cartTokenHash ? ordersOf({ kind: "guest", cartTokenHash }) : null;
}

/** What the guest checkout page shows for the guest's cart; null for no cart, an empty one, or a signed-in shopper. */
export async function getGuestCheckoutSummary(shopper: Shopper, rules?: PricingRules): Promise<CustomerCheckoutSummaryDTO | null> {
  const tokenHash = guestCartOf(shopper);
  if (!tokenHash) return null;
  return checkoutSummaryOf({ cart: { tokenHash, userId: null } }, rules, async () => []);
}

/**
 * Places an order from the guest's cart (see createOrderFromCart: the same
 * caps, server prices and stock reservation as an account's checkout), with
 * the guest's email stored encrypted beside it. A signed-in shopper is
 * refused (their cart is the account's), a browser without a cart has nothing to order.
 */
export async function placeGuestOrder(
  shopper: Shopper,
  input: GuestOrderInput,
  settings: CheckoutSettings,
  now = new Date(),
): Promise<{ orderId: string; number: string }> {
  // Lockdown mode first, so a guest hears why whatever their cart holds; before the transaction (see placeOrder).
  await assertShopOpen();
  const owner = cartOwner(shopper);
  if (owner.kind === "staff") throw new CheckoutError(CHECKOUT_ERROR_CODES.staffAccount);
  if (owner.kind === "customer") throw new CheckoutError(CHECKOUT_ERROR_CODES.signedIn);
  if (owner.kind === "nobody") throw new CheckoutError(CHECKOUT_ERROR_CODES.cartEmpty);
  const clientAddressIndex = clientAddressIndexOf(input.clientIp);
  return db.$transaction((tx) =>
    createOrderFromCart(
      tx,
      {
        // Stored as accounts store theirs (trimmed, lower-cased): the mail goes where an account would.
        buyer: { kind: "guest", cartTokenHash: owner.tokenHash, email: normalizeEmail(input.email) },
        shippingRateId: input.shippingRateId,
        address: async () => input.address,
        clientAddressIndex,
      },
      settings,
      now,
    ),
    PLACEMENT_TRANSACTION,
  );
}

/** One of the guest's own orders in full, or null (another guest's order, an account's, or an unknown id alike). */
export async function getGuestOrder(shopper: Shopper, orderId: string, now = new Date()): Promise<CustomerOrderDTO | null> {
  const own = guestOrders(shopper);
  if (!own) return null;
  const row = await db.order.findFirst({ where: { ...own, id: orderId }, select: detailSelect });
  return row ? toMyOrder(row, now) : null;
}

/** Opens the hosted checkout of one of the guest's own unpaid orders; null when it cannot be paid now (see openHostedCheckout). */
export async function startGuestPayment(
  shopper: Shopper,
  orderId: string,
  gateway: PaymentGateway,
  urls: (orderId: string) => PaymentUrls,
): Promise<{ url: string } | null> {
  const own = guestOrders(shopper);
  return own ? openHostedCheckout(own, orderId, gateway, urls) : null;
}
