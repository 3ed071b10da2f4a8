"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { setMyNewOrderNotifications } from "@/lib/dal/staff/notifications";
import { staffAction } from "../../pipeline/audiences";

/** Every staff member switches their own new-order mail on or off (the DAL changes only the viewer's row). */
export const setNotificationPreferencesAction = staffAction(
  {
    permission: "dashboard:read",
    returnTo: "/admin/notifications",
    input: {
      fields: [],
      // An unticked checkbox is absent from the form: absent means off.
      extra: (formData) => ({ newOrders: formData.get("newOrders") === "on" }),
      schema: z.object({ newOrders: z.boolean() }),
    },
  },
  async ({ viewer, input }) => {
    await setMyNewOrderNotifications(viewer, input.newOrders, await auditContext());
    revalidatePath("/admin/notifications");
    return {
      status: "success",
      message: input.newOrders ? "You will get a mail for every new paid order." : "You will no longer get new-order mail.",
    };
  },
);
