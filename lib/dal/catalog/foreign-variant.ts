import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import type { StaffViewer } from "@/lib/dal/staff/members";

/**
 * Logs a staff change refused because `variantId` is not a variant of
 * `productId` when it exists under another product: a forged form (the page
 * only offers its own product's variants), not a stale one, so worth a trace
 * (as a gallery change naming another product's image is).
 */
export async function traceForeignVariant(
  tx: Prisma.TransactionClient,
  viewer: StaffViewer,
  target: { productId: string; variantId: string },
  action: string,
): Promise<void> {
  const elsewhere = await tx.productVariant.findUnique({ where: { id: target.variantId }, select: { productId: true } });
  if (elsewhere && elsewhere.productId !== target.productId) {
    logger.warn({ actorId: viewer.userId, ...target, action }, "variant change named another product's variant: refused");
  }
}
