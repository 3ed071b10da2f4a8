import type { DiscountErrorCode } from "./discount-rules";

/** What the shopper reads when a discount code is refused (at "Apply", on the checkout totals, or when placing the order). */
export function discountRefusalMessage(code: DiscountErrorCode | "no_cart"): string {
  switch (code) {
    case "unknown":
      return "That discount code is not valid. Check it and try again.";
    case "not_started":
      return "That discount code cannot be used yet.";
    case "expired":
      return "That discount code has expired.";
    case "exhausted":
      return "That discount code has been used up.";
    case "used_up":
      return "You have already used that discount code as many times as it allows.";
    case "below_minimum":
      return "Your order does not reach that discount code's minimum subtotal.";
    case "wrong_currency":
      return "That discount code does not apply to prices in this currency.";
    case "not_applicable":
      return "That discount code does not apply to the items in your cart.";
    case "no_cart":
      return "Your cart is empty.";
  }
}
