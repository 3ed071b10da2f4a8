"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { setDiscountCodeActive } from "@/lib/dal/discounts/staff-discount-save";
import { staffAction } from "../../pipeline/audiences";
import { discountIdSchema } from "./discount-schema";

/** Deactivates or activates a discount code, as the button pressed says (its id is bound by the page). */
export const setDiscountCodeActiveAction = staffAction(
  {
    permission: "discounts:manage",
    returnTo: (id) => (id ? `/admin/discounts/${id}` : "/admin/discounts"),
    bound: discountIdSchema,
    input: { fields: ["intent"], schema: z.object({ intent: z.enum(["activate", "deactivate"]) }) },
    invalid: () => ({ status: "error", message: "Choose activate or deactivate." }),
    errors: { not_found: "This discount code no longer exists." },
  },
  async ({ viewer, bound: id, input, fail }) => {
    const active = input.intent === "activate";
    const result = await setDiscountCodeActive(viewer, id, active, await auditContext());
    if (!result.ok) return fail("not_found");
    revalidatePath("/admin/discounts");
    revalidatePath(`/admin/discounts/${id}`);
    return { status: "success", message: active ? "The code works again (within its dates and limits)." : "The code is deactivated: no new order can use it." };
  },
);
