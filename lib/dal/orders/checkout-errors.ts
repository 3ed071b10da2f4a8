import "server-only";

/** Why the shop refuses a checkout; the checkout action turns each into a message. */
export const CHECKOUT_ERROR_CODES = {
  staffAccount: "staff_account",
  emailUnverified: "email_unverified",
  cartEmpty: "cart_empty",
  mixedCurrencies: "mixed_currencies",
  productUnavailable: "product_unavailable",
  overMaxPerOrder: "over_max_per_order",
  notEnoughStock: "not_enough_stock",
  soldOut: "sold_out",
  addressNotFound: "address_not_found",
  addressUnreadable: "address_unreadable",
  /** A guest checkout from a signed-in browser: the account's own checkout is the way. */
  signedIn: "signed_in",
  /** No shipping zone serves the address's country (and there is no rest-of-world zone). */
  noShippingZone: "no_shipping_zone",
  /** The delivery option posted is not one the address's zone offers for these goods (another zone's, or made up). */
  shippingRateUnavailable: "shipping_rate_unavailable",
} as const;

export type CheckoutErrorCode = (typeof CHECKOUT_ERROR_CODES)[keyof typeof CHECKOUT_ERROR_CODES];

/**
 * A checkout the shop refuses: a code and what its message needs (the product
 * in the shopper's own cart), no text. Thrown, so the transaction's stock
 * reservations roll back.
 */
export class CheckoutError extends Error {
  override name = "CheckoutError";
  constructor(
    readonly code: CheckoutErrorCode,
    readonly detail: { productName?: string; limit?: number; left?: number } = {},
  ) {
    super(code);
  }
}
