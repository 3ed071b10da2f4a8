import "server-only";
import { assertShopOpen } from "@/lib/dal/lockdown/state";
import type { AddressInput } from "@/lib/addresses/address-schema";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addAddress, findOwnAddress } from "@/lib/dal/accounts/addresses";
import type { ShippingAddress } from "./shipping-address";
import { clientAddressIndexOf } from "./limits";
import { CHECKOUT_ERROR_CODES, CheckoutError } from "./checkout-errors";
import { type CheckoutSettings, createOrderFromCart, PLACEMENT_TRANSACTION } from "./order-placement";
import { hasUnreadableValue } from "@/lib/crypto/readable-field";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";

export type { CheckoutSettings } from "./order-placement";
export { type PaymentUrls, startPayment } from "./payment-start";

export type CheckoutAddressChoice = { savedAddressId: string } | { newAddress: AddressInput; save: boolean };

export type PlaceOrderInput = {
  /** The id of the shipping rate chosen; the destination's zone must offer it. */
  shippingRateId: string;
  address: CheckoutAddressChoice;
  /** The client's address (`clientIp`), for the per-address cap; unknown or absent: that cap does not apply. */
  clientIp?: string;
};

function assertCanCheckOut(viewer: ActiveSession) {
  if (viewer.audience !== "customer") throw new CheckoutError(CHECKOUT_ERROR_CODES.staffAccount);
  if (!viewer.user.emailVerified) throw new CheckoutError(CHECKOUT_ERROR_CODES.emailUnverified);
}

async function shippingAddressFor(tx: Prisma.TransactionClient, userId: string, choice: CheckoutAddressChoice): Promise<ShippingAddress> {
  if ("savedAddressId" in choice) {
    const saved = await findOwnAddress(tx, userId, choice.savedAddressId);
    if (!saved) throw new CheckoutError(CHECKOUT_ERROR_CODES.addressNotFound);
    // Never snapshot the unreadable marker into an order as if it were the address.
    if (hasUnreadableValue(saved)) throw new CheckoutError(CHECKOUT_ERROR_CODES.addressUnreadable);
    return saved;
  }
  if (choice.save) await addAddress(tx, userId, choice.newAddress);
  return choice.newAddress;
}

/**
 * Turns the viewer's cart into an order awaiting payment, in one transaction
 * (see createOrderFromCart: caps, server prices, atomic stock reservation,
 * encrypted address snapshot, reservation expiry), shipped to one of their
 * saved addresses or a new one (saved to the address book if asked).
 */
export async function placeOrder(
  viewer: ActiveSession,
  input: PlaceOrderInput,
  settings: CheckoutSettings,
  now = new Date(),
): Promise<{ orderId: string; number: string }> {
  // Lockdown mode (incident response) closes checkout. Read before the transaction: a read on
  // another pooled connection inside it could wait on a pool the transactions themselves hold.
  await assertShopOpen();
  assertCanCheckOut(viewer);
  const clientAddressIndex = clientAddressIndexOf(input.clientIp);
  return db.$transaction((tx) =>
    createOrderFromCart(
      tx,
      {
        buyer: { kind: "customer", userId: viewer.userId },
        shippingRateId: input.shippingRateId,
        address: () => shippingAddressFor(tx, viewer.userId, input.address),
        clientAddressIndex,
      },
      settings,
      now,
    ),
    PLACEMENT_TRANSACTION,
  );
}
