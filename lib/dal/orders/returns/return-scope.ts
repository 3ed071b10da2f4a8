import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Who may act on an order's returns from the shop side, as one parameter:
 * - `owner`: a signed-in customer, on their own orders only;
 * - `verified-status-link`: an order already resolved from a valid order-status
 *   link. The link is the credential: only code that has just checked it may
 *   build this scope (see the `…ForVerifiedStatusLink` entry points).
 */
export type ReturnScope = { kind: "owner"; userId: string; orderId: string } | { kind: "verified-status-link"; orderId: string };

/** The order a scope may touch: another customer's order matches nothing, exactly like an unknown id. */
export function scopedOrderWhere(scope: ReturnScope): Prisma.OrderWhereInput {
  return scope.kind === "owner" ? { id: scope.orderId, userId: scope.userId } : { id: scope.orderId };
}
