import "server-only";
import type { DiscountErrorCode } from "@/lib/discounts/discount-rules";

/**
 * A discount code the shop refuses: a code, no text (the action words it).
 * Thrown inside order placement, so nothing of the order (stock, cart,
 * address) is kept: the shopper removes or changes the code and tries again.
 */
export class DiscountError extends Error {
  override name = "DiscountError";
  constructor(readonly code: DiscountErrorCode) {
    super(code);
  }
}
