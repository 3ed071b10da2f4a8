import "server-only";
import type { RequestContext } from "@/lib/context/request-context";
import type { Prisma, SecurityEventType } from "@/lib/generated/prisma/client";

/** Where a request came from, recorded with every security event (never a password or token). */

/**
 * Records a security event inside the caller's transaction, so the event
 * exists if and only if the change it describes does (convention 7).
 */
export async function recordSecurityEvent(
  tx: Prisma.TransactionClient,
  event: { type: SecurityEventType; userId: string | null; context: RequestContext; details?: Prisma.InputJsonObject },
): Promise<void> {
  await tx.securityEvent.create({
    data: {
      type: event.type,
      userId: event.userId,
      ip: event.context.ip.slice(0, 45),
      userAgent: event.context.userAgent.slice(0, 400),
      details: event.details,
    },
  });
}
