/** Where a return stands (the ReturnStatus enum of prisma/schema.prisma; a test keeps them equal). */
export const RETURN_STATUSES = ["requested", "approved", "rejected", "received", "refunded"] as const;

export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/**
 * The return state machine:
 * - requested → approved, rejected (staff decide)
 * - approved → received (the parcel came back)
 * - received → refunded (the refund it led to succeeded at the processor)
 * - rejected, refunded: final
 */
const transitions: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  requested: ["approved", "rejected"],
  approved: ["received"],
  rejected: [],
  received: ["refunded"],
  refunded: [],
};

export function canChangeReturn(from: ReturnStatus, to: ReturnStatus): boolean {
  return transitions[from].includes(to);
}

/** Returns whose units are spoken for: every return but a declined one. */
export const UNIT_HOLDING_RETURN_STATUSES: readonly ReturnStatus[] = ["requested", "approved", "received", "refunded"];

/** Returns staff still have to act on (the admin's list of open returns). */
export const OPEN_RETURN_STATUSES: readonly ReturnStatus[] = ["requested", "approved", "received"];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the return window of a parcel closes: `days` after delivery when the
 * carrier reported it, else after shipping; null when it never shipped.
 */
export function returnWindowEnd(parcel: { shippedAt: Date | null; deliveredAt: Date | null }, days: number): Date | null {
  const from = parcel.deliveredAt ?? parcel.shippedAt;
  return from ? new Date(from.getTime() + days * DAY_MS) : null;
}

/** Units of each order line still returnable: shipped minus what other returns already hold. */
export function returnableUnits(
  items: readonly { id: string; quantity: number }[],
  held: readonly { orderItemId: string; quantity: number }[],
): Map<string, number> {
  const left = new Map(items.map((item) => [item.id, item.quantity]));
  for (const line of held) left.set(line.orderItemId, (left.get(line.orderItemId) ?? 0) - line.quantity);
  return left;
}
