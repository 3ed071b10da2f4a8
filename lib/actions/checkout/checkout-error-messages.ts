import "server-only";
import { notEnoughStock } from "@/lib/catalog/stock-availability";
import type { CheckoutError } from "@/lib/dal/orders/checkout-errors";

/** What the shopper is told when the shop refuses a checkout, and whether it concerns the address choice. */
export function checkoutErrorMessage(error: CheckoutError): { message: string; field?: "addressChoice" | "shippingRateId" } {
  const { productName = "This product", limit = 0, left = 0 } = error.detail;
  switch (error.code) {
    case "staff_account":
      return { message: "Staff accounts cannot place orders." };
    case "email_unverified":
      return { message: "Confirm your email address before checking out." };
    case "cart_empty":
      return { message: "Your cart is empty." };
    case "mixed_currencies":
      return { message: "Items priced in different currencies cannot share one order." };
    case "product_unavailable":
      return { message: `${productName} is no longer available: remove it from your cart.` };
    case "over_max_per_order":
      return { message: `You can order at most ${limit} of ${productName}.` };
    case "not_enough_stock":
      return { message: `${notEnoughStock(left, productName)}: lower the quantity in your cart.` };
    case "sold_out":
      return { message: `${productName} has just sold out: remove it from your cart.` };
    case "address_not_found":
      return { message: "Choose one of your addresses.", field: "addressChoice" };
    case "signed_in":
      return { message: "You are signed in: check out from your account instead." };
    case "no_shipping_zone":
      return { message: "We do not deliver to that country yet. Choose another address.", field: "addressChoice" };
    case "shipping_rate_unavailable":
      return { message: "That delivery option is not available for this address: choose one of the options shown for it.", field: "shippingRateId" };
    case "address_unreadable":
      return { message: "That address could not be read. Edit it, or choose another.", field: "addressChoice" };
  }
}
