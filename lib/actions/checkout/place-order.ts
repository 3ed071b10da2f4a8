"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { addressFieldNames, addressSchema } from "@/lib/addresses/address-schema";
import { OrderLimitError } from "@/lib/dal/orders/limits";
import { placeOrder } from "@/lib/dal/orders/orders";
import { CheckoutError } from "@/lib/dal/orders/checkout-errors";
import { DiscountError } from "@/lib/dal/discounts/discount-error";
import { discountRefusalMessage } from "@/lib/discounts/discount-messages";
import { orderLimits, reservationMinutes } from "@/lib/payments/config";
import { paymentGateway } from "@/lib/payment-gateway/payment-gateway";
import { botGateRefusal } from "../bot-gate-state";
import { customerAction } from "../pipeline/audiences";
import { checkoutErrorMessage } from "./checkout-error-messages";
import { checkoutChoiceSchema } from "./checkout-schema";
import { orderLimitMessage, placeOrderThrottledMessage } from "./order-limit-messages";
import { paymentPageFor } from "./start-payment";

const formKeys = [...addressFieldNames, "addressChoice", "shippingRateId"] as const;

/** The checkout form: a saved address or a new one (validated only then), and a shipping method. */
const placeOrderSchema = z.looseObject(checkoutChoiceSchema.shape).transform((raw, context) => {
  const { addressChoice, shippingRateId } = raw;
  if (addressChoice !== "new") return { shippingRateId, address: { savedAddressId: addressChoice } };
  const parsed = addressSchema.safeParse({ ...raw, isDefault: false });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) context.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return { shippingRateId, address: { newAddress: parsed.data, save: raw.saveAddress === "on" } };
});

/**
 * Places the order for the viewer's cart and sends them to the payment page.
 * Only the address and the shipping method are read from the form. Placing
 * orders is rate-limited per account and per client address, and capped by
 * the open orders and reserved units each may hold (see OrderLimits).
 */
export const placeOrderAction = customerAction(
  {
    returnTo: "/checkout",
    input: {
      fields: [...formKeys, "saveAddress"],
      schema: placeOrderSchema,
      echo: (raw) => ({
        ...Object.fromEntries(formKeys.map((key) => [key, (raw[key] ?? "").slice(0, 200)])),
        ...(raw.saveAddress === "on" ? { saveAddress: "on" } : {}),
      }),
    },
    invalid: (fieldErrors, values) => {
      const addressProblem = addressFieldNames.some((name) => fieldErrors[name]);
      return { status: "error", message: addressProblem ? "Check the shipping address." : undefined, fieldErrors, values };
    },
    rateLimit: {
      policies: (viewer, request) => [
        ["placeOrder", viewer.userId],
        ["placeOrderByIp", request.ip],
      ],
      message: placeOrderThrottledMessage,
    },
    errors: { no_gateway: "Payments are not available right now." },
  },
  async ({ viewer, input, request, values, formData, fail }) => {
    if (!paymentGateway()) return fail("no_gateway");
    // Placing the order opens its payment: the payment-start gate runs before either.
    const refused = await botGateRefusal({ action: "payment_start", formData, request, values, userId: viewer.userId });
    if (refused) return refused;
    let orderId: string;
    try {
      const order = { ...input, clientIp: request.ip };
      orderId = (await placeOrder(viewer, order, { reservationMinutes, limits: orderLimits })).orderId;
    } catch (error) {
      if (error instanceof OrderLimitError) return { status: "error", message: orderLimitMessage(error), values };
      // Nothing was placed: the shopper removes or changes the code beside the totals.
      if (error instanceof DiscountError) return { status: "error", message: discountRefusalMessage(error.code), values };
      if (!(error instanceof CheckoutError)) throw error;
      const { message, field } = checkoutErrorMessage(error);
      return { status: "error", message, fieldErrors: field ? { [field]: [message] } : undefined, values };
    }
    const url = await paymentPageFor(viewer, orderId);
    redirect(url ?? `/account/orders/${orderId}?payment=unavailable`);
  },
);
