import type { Metadata } from "next";
import { NotificationPreferencesForm } from "@/components/admin/notification-preferences-form";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { getMyNotificationPreferences } from "@/lib/dal/staff/notifications";

export const metadata: Metadata = { title: "Notifications" };

/** Every staff member's own mail preferences. */
export default async function NotificationsPage() {
  const viewer = await requireStaffPermission("dashboard:read", { returnTo: "/admin/notifications" });
  const preferences = await getMyNotificationPreferences(viewer);
  return (
    <section className="flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Notifications</h1>
      <p>
        Get a mail at {viewer.email} whenever an order is paid: its number, total, item count and a link to it here. The mail
        never contains customer details.
      </p>
      {preferences.newOrdersAvailable ? null : (
        <p role="note" className="text-sm text-neutral-700">
          Your role cannot see orders, so no new-order mail is sent to you even when this is on.
        </p>
      )}
      <NotificationPreferencesForm newOrders={preferences.newOrders} />
    </section>
  );
}
