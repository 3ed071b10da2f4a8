"use server";

import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { addressFieldNames, addressSchema } from "@/lib/addresses/address-schema";
import { requireSession } from "@/lib/guards/current-session";
import { limitAction } from "@/lib/auth/rate-limit/action-limits";
import { strictest } from "@/lib/auth/rate-limit/decision";
import { requestContext } from "@/lib/auth/request-context";
import { OrderLimitError } from "@/lib/dal/orders/limits";
import { CheckoutError, placeOrder } from "@/lib/dal/orders/orders";
import { orderLimits, pricingRules, reservationMinutes } from "@/lib/payments/config";
import { paymentGateway } from "@/lib/payment-gateway/payment-gateway";
import { type ActionState, fieldErrorsOf, textFields } from "../action-state";
import { checkoutChoiceSchema } from "./checkout-schema";
import { orderLimitMessage, placeOrderThrottledMessage } from "./order-limit-messages";
import { paymentPageFor } from "./start-payment";

const formKeys = [...addressFieldNames, "addressChoice", "shippingMethod"] as const;

/**
 * Places the order for the viewer's cart and sends them to the payment page.
 * Only the address and the shipping method are read from the form. Placing
 * orders is rate-limited per account and per client address, and capped by
 * the open orders and reserved units each may hold (see OrderLimits).
 */
export async function placeOrderAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireSession("/checkout");
  const raw = textFields(formData, formKeys);
  const values = Object.fromEntries(formKeys.map((key) => [key, raw[key].slice(0, 200)]));
  if (formData.get("saveAddress") === "on") values.saveAddress = "on";
  const choice = checkoutChoiceSchema.safeParse(raw);
  if (!choice.success) return { status: "error", fieldErrors: fieldErrorsOf(choice.error), values };
  if (!paymentGateway()) return { status: "error", message: "Payments are not available right now.", values };

  let address;
  if (choice.data.addressChoice === "new") {
    const parsed = addressSchema.safeParse({ ...raw, isDefault: false });
    if (!parsed.success) return { status: "error", message: "Check the shipping address.", fieldErrors: fieldErrorsOf(parsed.error), values };
    address = { newAddress: parsed.data, save: formData.get("saveAddress") === "on" };
  } else {
    address = { savedAddressId: choice.data.addressChoice };
  }

  const { ip } = requestContext(await headers());
  const limit = strictest([await limitAction("placeOrder", viewer.userId), await limitAction("placeOrderByIp", ip)]);
  if (!limit.allowed) return { status: "error", message: placeOrderThrottledMessage(limit.retryAfterSeconds), values };

  let orderId: string;
  try {
    const input = { shippingMethod: choice.data.shippingMethod, address, clientIp: ip };
    orderId = (await placeOrder(viewer, input, { pricing: pricingRules, reservationMinutes, limits: orderLimits })).orderId;
  } catch (error) {
    if (error instanceof OrderLimitError) return { status: "error", message: orderLimitMessage(error), values };
    if (!(error instanceof CheckoutError)) throw error;
    const fieldErrors = error.field === "address" ? { addressChoice: [error.message] } : undefined;
    return { status: "error", message: error.message, fieldErrors, values };
  }
  const url = await paymentPageFor(viewer, orderId);
  redirect(url ?? `/account/orders/${orderId}?payment=unavailable`);
}
