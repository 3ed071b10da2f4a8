import "server-only";
import { can, STAFF_ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/dal/audit/log";
import type { AuditContext } from "@/lib/context/request-context";
import { assertPermission } from "./permission";
import type { StaffViewer } from "./members";

/** A staff member's own mail preferences, as the Notifications page shows them. */
export type StaffNotificationPreferencesDTO = {
  newOrders: boolean;
  /** Whether the role lets the mail reach them (it is sent only to holders of orders:read). */
  newOrdersAvailable: boolean;
};

/** The viewer's own preferences (every staff member may read and change their own). */
export async function getMyNotificationPreferences(viewer: StaffViewer): Promise<StaffNotificationPreferencesDTO> {
  assertPermission(viewer, "dashboard:read");
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { notifyNewOrders: true } });
  return { newOrders: user.notifyNewOrders, newOrdersAvailable: can(viewer.role, "orders:read") };
}

/** Switches the viewer's own new-order mail on or off; audited when it changes. */
export async function setMyNewOrderNotifications(viewer: StaffViewer, enabled: boolean, context: AuditContext): Promise<void> {
  assertPermission(viewer, "dashboard:read");
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: viewer.userId, notifyNewOrders: !enabled },
      data: { notifyNewOrders: enabled },
    });
    if (count === 0) return; // already so: nothing changed, nothing to record
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: "staff.notifications_changed",
      target: { type: "user", id: viewer.userId },
      before: { notifyNewOrders: !enabled },
      after: { notifyNewOrders: enabled },
      outcome: "success",
      context,
    });
  });
}

/**
 * Who is mailed about a new order: active staff who switched it on and whose
 * role still holds orders:read. Evaluated when the mail is sent, so a member
 * deactivated or moved to a role without it meanwhile is not mailed.
 */
export async function newOrderMailRecipients(): Promise<{ name: string; email: string }[]> {
  const roles = STAFF_ROLES.filter((role) => can(role, "orders:read"));
  return db.user.findMany({
    where: { kind: "staff", deactivatedAt: null, notifyNewOrders: true, staffRole: { in: roles } },
    select: { name: true, email: true },
    orderBy: { id: "asc" },
  });
}
