import { describe, expect, it } from "vitest";
import { CHECKOUT_ERROR_CODES, CheckoutError } from "@/lib/dal/orders/checkout-errors";
import { checkoutErrorMessage } from "./checkout-error-messages";

describe("checkout refusals", () => {
  it("carry a code and no shopper-facing text from the DAL", () => {
    const error = new CheckoutError(CHECKOUT_ERROR_CODES.soldOut, { productName: "Trail Backpack", left: 0 });
    expect(error.message).toBe("sold_out");
  });

  it.each<[CheckoutError, { message: string; field?: string }]>([
    [new CheckoutError("staff_account"), { message: "Staff accounts cannot place orders." }],
    [new CheckoutError("email_unverified"), { message: "Confirm your email address before checking out." }],
    [new CheckoutError("cart_empty"), { message: "Your cart is empty." }],
    [new CheckoutError("mixed_currencies"), { message: "Items priced in different currencies cannot share one order." }],
    [new CheckoutError("product_unavailable", { productName: "Lamp" }), { message: "Lamp is no longer available: remove it from your cart." }],
    [new CheckoutError("over_max_per_order", { productName: "Lamp", limit: 3 }), { message: "You can order at most 3 of Lamp." }],
    [new CheckoutError("not_enough_stock", { productName: "Lamp", left: 2 }), { message: "Only 2 of Lamp left: lower the quantity in your cart." }],
    [new CheckoutError("sold_out", { productName: "Lamp", left: 0 }), { message: "Lamp has just sold out: remove it from your cart." }],
    [new CheckoutError("address_not_found"), { message: "Choose one of your addresses.", field: "addressChoice" }],
    [new CheckoutError("address_unreadable"), { message: "That address could not be read. Edit it, or choose another.", field: "addressChoice" }],
  ])("%s reads as before", (error, expected) => {
    expect(checkoutErrorMessage(error)).toEqual(expected);
  });
});
