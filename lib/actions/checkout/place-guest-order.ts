"use server";

import "server-only";
import { redirect } from "next/navigation";
import { addressFieldNames } from "@/lib/addresses/address-schema";
import { currentShopper } from "@/lib/guards/current-shopper";
import { CheckoutError } from "@/lib/dal/orders/checkout-errors";
import { DiscountError } from "@/lib/dal/discounts/discount-error";
import { discountRefusalMessage } from "@/lib/discounts/discount-messages";
import { placeGuestOrder } from "@/lib/dal/orders/guest-checkout";
import { OrderLimitError } from "@/lib/dal/orders/limits";
import { orderLimits, reservationMinutes } from "@/lib/payments/config";
import { paymentGateway } from "@/lib/payment-gateway/payment-gateway";
import { botGateRefusal } from "../bot-gate-state";
import { publicAction } from "../pipeline/audiences";
import { checkoutErrorMessage } from "./checkout-error-messages";
import { guestCheckoutFields, guestCheckoutSchema } from "./guest-checkout-schema";
import { orderLimitMessage, placeOrderThrottledMessage } from "./order-limit-messages";
import { guestPaymentPageFor } from "./start-payment";

/**
 * Places an order from the guest cart (the cart cookie is the guest's only
 * credential) and sends the guest to the payment page. Only the email, the
 * address and the shipping method are read from the form. Throttled per
 * client address like sign-up, and under the same per-address cap on unpaid
 * orders as every checkout.
 */
export const placeGuestOrderAction = publicAction(
  {
    input: {
      fields: guestCheckoutFields,
      schema: guestCheckoutSchema,
      echo: (raw) => Object.fromEntries(guestCheckoutFields.map((key) => [key, (raw[key] ?? "").slice(0, key === "email" ? 254 : 200)])),
    },
    invalid: (fieldErrors, values) => {
      const addressProblem = addressFieldNames.some((name) => fieldErrors[name]);
      return { status: "error", message: addressProblem ? "Check the shipping address." : undefined, fieldErrors, values };
    },
    rateLimit: {
      policies: (_viewer, request) => [
        ["guestCheckoutByIp", request.ip],
        ["placeOrderByIp", request.ip],
      ],
      message: placeOrderThrottledMessage,
    },
    errors: { no_gateway: "Payments are not available right now." },
  },
  async ({ input, request, values, formData, fail }) => {
    if (!paymentGateway()) return fail("no_gateway");
    // One solved challenge covers the order and the payment page it opens.
    const refused = await botGateRefusal({ action: "guest_checkout", formData, request, values });
    if (refused) return refused;
    const shopper = await currentShopper();
    let orderId: string;
    try {
      const order = { ...input, clientIp: request.ip };
      orderId = (await placeGuestOrder(shopper, order, { reservationMinutes, limits: orderLimits })).orderId;
    } catch (error) {
      if (error instanceof OrderLimitError) return { status: "error", message: orderLimitMessage(error), values };
      if (error instanceof DiscountError) return { status: "error", message: discountRefusalMessage(error.code), values };
      if (!(error instanceof CheckoutError)) throw error;
      return { status: "error", message: checkoutErrorMessage(error).message, values };
    }
    const url = await guestPaymentPageFor(shopper, orderId);
    redirect(url ?? `/checkout/success?order=${orderId}&payment=unavailable`);
  },
);
