import "server-only";
import { problemResponse } from "@/lib/api/problem";
import { paymentPageFor } from "@/lib/actions/checkout/start-payment";
import { limitAction } from "@/lib/auth/rate-limit/action-limits";
import { strictest } from "@/lib/auth/rate-limit/decision";
import { CheckoutError } from "@/lib/dal/orders/checkout-errors";
import { OrderLimitError } from "@/lib/dal/orders/limits";
import { placeOrder } from "@/lib/dal/orders/orders";
import { DiscountError } from "@/lib/dal/discounts/discount-error";
import { orderLimits, pricingRules, reservationMinutes } from "@/lib/payments/config";
import { paymentGateway } from "@/lib/payment-gateway/payment-gateway";
import { readJsonBody } from "./json-body";
import { customerRoute, jsonResponse } from "./route";
import { checkoutRequestSchema } from "./schemas";

/**
 * POST /api/v1/checkout: places the order for the customer's cart (priced,
 * capped and reserved by the same DAL as the checkout page, with the same
 * per-account and per-address throttles) and returns the hosted payment
 * page's URL for the app to open in the system browser. Card data never
 * passes through the app or this server.
 */
export const checkout = customerRoute(async ({ request, viewer, context }) => {
  const body = await readJsonBody(request, checkoutRequestSchema);
  if (!body.ok) return body.response;
  if (!paymentGateway()) return problemResponse("unavailable", { detail: "Payments are not available right now." });
  const decision = strictest(await Promise.all([limitAction("placeOrder", viewer.userId), limitAction("placeOrderByIp", context.ip)]));
  if (!decision.allowed) {
    return problemResponse(decision.scope === "store" ? "unavailable" : "rateLimited", { headers: { "retry-after": String(decision.retryAfterSeconds) } });
  }
  let order: { orderId: string; number: string };
  try {
    order = await placeOrder(
      viewer,
      { shippingMethod: body.data.shippingMethod, address: { savedAddressId: body.data.savedAddressId }, clientIp: context.ip },
      { pricing: pricingRules, reservationMinutes, limits: orderLimits },
    );
  } catch (error) {
    if (error instanceof CheckoutError && error.code === "address_not_found") return problemResponse("notFound", { detail: "No such saved address.", extra: { code: error.code } });
    if (error instanceof CheckoutError || error instanceof OrderLimitError || error instanceof DiscountError) {
      return problemResponse("conflict", { detail: "The order could not be placed.", extra: { code: error.code } });
    }
    throw error;
  }
  const paymentUrl = await paymentPageFor(viewer, order.orderId);
  if (!paymentUrl) return problemResponse("unavailable", { detail: "The payment page could not be opened; the order is reserved for a while.", extra: { orderId: order.orderId } });
  return jsonResponse({ orderId: order.orderId, number: order.number, paymentUrl }, 201);
});
