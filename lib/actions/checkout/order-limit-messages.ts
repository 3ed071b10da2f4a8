import "server-only";
import type { OrderLimitError } from "@/lib/dal/orders/limits";

/** What the shopper is told when a cap against stock hoarding refuses their order. */
export function orderLimitMessage(error: OrderLimitError): string {
  const { limit, productName, heldUnits } = error.detail;
  switch (error.code) {
    case "too_many_open_orders":
      return `You already have ${limit} orders awaiting payment. Pay for one of them, or wait until one expires, before placing another.`;
    case "too_many_open_orders_from_address":
      return "Too many unpaid orders have been placed from your network. Pay for an open order or try again later.";
    case "too_many_units_reserved":
      return `Your unpaid orders already hold ${heldUnits ?? 0} of ${productName ?? "this product"}, and at most ${limit} can wait for payment at once. Pay for those orders first, or lower the quantity in your cart.`;
  }
}

/** What the shopper is told when they place orders faster than the rate limit allows. */
export function placeOrderThrottledMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `You have placed many orders in a short time. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
