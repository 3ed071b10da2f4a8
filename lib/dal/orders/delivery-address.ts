import "server-only";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { awaitsShipment } from "@/lib/orders/next-steps";
import { appendAudit } from "@/lib/dal/audit/log";
import { raiseAlert } from "@/lib/dal/audit/insider-alerts";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { AuditContext } from "@/lib/context/request-context";
import { openShippingAddress, type ShippingAddress, shippingAddressSelect } from "./shipping-address";

/**
 * Where the parcel of an order goes, in full, for the staff who pack and ship
 * it. Everyone else (and fulfilment, once the parcel has left) sees the
 * masked address of the staff order view.
 */
export type StaffDeliveryAddressDTO = ShippingAddress;

export const ORDER_ADDRESS_VIEWED = "order.address_viewed";

/** Where the address was shown: the order page or its packing slip. */
export type AddressView = "order_page" | "packing_slip";

/** Views of one order's address by one staff member within this window make one audit entry, so reloads do not flood the log. */
export const ADDRESS_VIEW_WINDOW_MS = 10 * 60_000;

const HOUR_MS = 3_600_000;

/**
 * The full delivery address of an order waiting to ship, for a viewer with
 * orders:fulfil (thrown without it); null for an unknown order, one not
 * waiting to ship, or an erased address. Each view is audited (recordAddressView).
 */
export async function getDeliveryAddressForFulfilment(
  viewer: StaffViewer,
  orderId: string,
  context: AuditContext,
): Promise<StaffDeliveryAddressDTO | null> {
  assertPermission(viewer, "orders:fulfil");
  const row = await db.order.findUnique({
    where: { id: orderId },
    select: { ...shippingAddressSelect, id: true, paymentStatus: true, fulfillmentStatus: true, fraudReview: true },
  });
  if (!row || !awaitsShipment(row)) return null;
  const address = openShippingAddress(row);
  if (!address) return null;
  await recordAddressView(viewer, row.id, "order_page", context);
  return address;
}

/**
 * Audits that the viewer saw the full delivery address of an order (never the
 * address itself): one entry per staff member, order and ADDRESS_VIEW_WINDOW_MS,
 * whatever the number of reloads. A staff member who opens the addresses of
 * more than ALERT_ADDRESS_VIEWS_PER_HOUR orders in an hour raises an alert
 * for the owners.
 */
export async function recordAddressView(viewer: StaffViewer, orderId: string, view: AddressView, context: AuditContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const now = new Date();
    const seen = await tx.auditEntry.findFirst({
      where: {
        actorId: viewer.userId,
        action: ORDER_ADDRESS_VIEWED,
        targetType: "order",
        targetId: orderId,
        createdAt: { gt: new Date(now.getTime() - ADDRESS_VIEW_WINDOW_MS) },
      },
      select: { id: true },
    });
    if (seen) return;
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: ORDER_ADDRESS_VIEWED,
      target: { type: "order", id: orderId },
      after: { view },
      outcome: "success",
      context,
    });
    await alertOnBulkAddressViews(tx, viewer, now);
  });
}

/** Distinct orders whose address the viewer opened in the last hour, this one included; over the limit, an alert. */
async function alertOnBulkAddressViews(tx: Prisma.TransactionClient, viewer: StaffViewer, now: Date): Promise<void> {
  const viewed = await tx.auditEntry.findMany({
    where: { actorId: viewer.userId, action: ORDER_ADDRESS_VIEWED, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } },
    distinct: ["targetId"],
    select: { targetId: true },
  });
  if (viewed.length <= env.ALERT_ADDRESS_VIEWS_PER_HOUR) return;
  await raiseAlert(
    tx,
    {
      kind: "bulk_pii_reveal",
      actorId: viewer.userId,
      message: `A staff member (${ROLE_LABELS[viewer.role]}) opened the delivery addresses of ${viewed.length} orders in the last hour.`,
      details: { orders: viewed.length, limit: env.ALERT_ADDRESS_VIEWS_PER_HOUR },
    },
    now,
  );
}
