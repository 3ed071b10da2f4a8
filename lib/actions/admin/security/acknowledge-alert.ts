"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { AcknowledgeAlertError, acknowledgeAlert } from "@/lib/dal/staff/acknowledge-alert";
import { staffAction } from "../../pipeline/audiences";

const noteError = "Say what was done about it (3 to 500 characters).";

/** Closes an open security alert with a note (security:respond; audited by the DAL). */
export const acknowledgeAlertAction = staffAction(
  {
    permission: "security:respond",
    returnTo: "/admin/security",
    input: {
      fields: ["alertId", "note"],
      schema: z.object({
        alertId: z.string().min(1).max(40),
        note: z.string().trim().min(3, noteError).max(500, noteError),
      }),
      echo: { note: 500 },
    },
    errors: { [AcknowledgeAlertError.notFound]: "That alert is already acknowledged or does not exist." },
  },
  async ({ viewer, input, fail }) => {
    const result = await acknowledgeAlert(viewer, input, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/security");
    return { status: "success", message: "Alert acknowledged." };
  },
);
