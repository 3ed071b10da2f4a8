import "server-only";
import { db } from "@/lib/db";
import { type Audience, describeOrderEvent, isOrderEventType, type OrderEventDetail, type OrderEventType } from "@/lib/orders/timeline-events";

/** One step as a viewer reads it: what happened, when, by whom in general terms (never a staff member's name). */
type OrderTimelineEntry = {
  at: Date;
  type: OrderEventType;
  title: string;
  detail: string | null;
  actor: "customer" | "staff" | "system";
};

/** The customer's timeline: the steps marked customer-visible, with customer wording of their details. */
export type CustomerOrderTimelineEntryDTO = OrderTimelineEntry;
/** The staff timeline: every step, with staff-only details (hold reasons, refund requests). */
export type StaffOrderTimelineEntryDTO = OrderTimelineEntry;

const timelineSelect = { type: true, actor: true, detail: true, createdAt: true } as const;

/**
 * An order's timeline for one audience, oldest first. The caller has already
 * decided the viewer may see the order (the customer's own order, a guest's
 * status link, staff with orders:read); this only reads it.
 */
export async function readOrderTimeline(orderId: string, audience: Audience): Promise<OrderTimelineEntry[]> {
  const rows = await db.orderEvent.findMany({
    where: { orderId, ...(audience === "customer" ? { customerVisible: true } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: timelineSelect,
    take: 500,
  });
  return rows.flatMap((row) => {
    // A type this build does not know (written by a newer one during a rolling deploy) is left out.
    if (!isOrderEventType(row.type)) return [];
    const detail = (row.detail ?? {}) as OrderEventDetail;
    return [{ at: row.createdAt, type: row.type, actor: row.actor, ...describeOrderEvent(row.type, detail, audience) }];
  });
}
