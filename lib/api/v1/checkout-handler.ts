import "server-only";
import { problemResponse } from "@/lib/api/problem";
import { paymentPageFor } from "@/lib/actions/checkout/start-payment";
import { limitAction } from "@/lib/auth/rate-limit/action-limits";
import { strictest } from "@/lib/auth/rate-limit/decision";
import { CheckoutError } from "@/lib/dal/orders/checkout-errors";
import { OrderLimitError } from "@/lib/dal/orders/limits";
import { placeOrder } from "@/lib/dal/orders/orders";
import { DiscountError } from "@/lib/dal/discounts/discount-error";
import { getCheckoutSummary } from "@/lib/dal/orders/checkout";
import { orderLimits, reservationMinutes } from "@/lib/payments/config";
import { paymentGateway } from "@/lib/payment-gateway/payment-gateway";
import { readJsonBody } from "./json-body";
import { customerRoute, jsonResponse } from "./route";
import { checkoutOptionsQuerySchema, checkoutRequestSchema } from "./schemas";

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
      { shippingRateId: body.data.shippingRateId, address: { savedAddressId: body.data.savedAddressId }, clientIp: context.ip },
      { reservationMinutes, limits: orderLimits },
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

/**
 * GET /api/v1/checkout/options?savedAddressId=…: the shipping rates the
 * address's zone offers for the customer's cart, each with its shipping, tax
 * and total, priced as the order will be. 404 for an address that is not the
 * customer's; 409 for an empty cart or an address no zone serves.
 */
export const checkoutOptions = customerRoute(async ({ url, viewer }) => {
  const query = checkoutOptionsQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return problemResponse("invalidRequest", { detail: "Give savedAddressId." });
  const summary = await getCheckoutSummary(viewer);
  const ownAddress = summary?.addresses.some((address) => address.id === query.data.savedAddressId) ?? false;
  if (summary && !ownAddress) return problemResponse("notFound", { detail: "No such saved address." });
  const key = summary?.addressQuotes[query.data.savedAddressId];
  const quote = key ? summary?.quotes[key] : undefined;
  if (!summary || !quote) return problemResponse("conflict", { detail: summary ? "The shop does not deliver to this address." : "The cart is empty." });
  return jsonResponse({
    taxIncluded: quote.taxIncluded,
    options: quote.options.map(({ rateId, label, description, shipping, tax, total }) => ({ rateId, label, description, shipping, tax, total })),
  });
});
