import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The query form of blockedByFraudReview (lib/orders/next-steps.ts): orders the
 * fraud review lets through (never scored, approved by the score, or released
 * by staff). Written with an explicit null case: SQL's NOT IN would drop the
 * unscored orders.
 */
export const releasedByFraudReview: Prisma.OrderWhereInput = {
  OR: [{ fraudReview: null }, { fraudReview: { in: ["approved", "released"] } }],
};
