"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { incidentReasonSchema } from "@/lib/dal/incident/actor";
import { setLockdown } from "@/lib/dal/incident/lockdown";
import { LOCKDOWN_CACHE_MS } from "@/lib/dal/lockdown/state";
import { staffAction } from "../../pipeline/audiences";
import { INCIDENT_PAGE, incidentActionOptions, incidentErrors, stepUpAgain } from "./incident-form";

const lockdownSchema = z.object({ active: z.enum(["on", "off"], { error: "Choose on or off." }), reason: incidentReasonSchema });

/** Turns lockdown mode on or off (security:manage, step-up, reason; audited by the DAL). */
export const setLockdownAction = staffAction(
  { ...incidentActionOptions, input: { fields: ["active", "reason"], schema: lockdownSchema, echo: { reason: 500 } }, errors: incidentErrors },
  async ({ viewer, input, fail }) => {
    const result = await setLockdown({ kind: "staff", viewer }, { active: input.active === "on", reason: input.reason }, await auditContext());
    if (!result.ok) return result.code === "step_up_required" ? stepUpAgain() : fail(result.code);
    revalidatePath(INCIDENT_PAGE);
    revalidatePath("/", "layout");
    const bound = `Every instance follows within ${LOCKDOWN_CACHE_MS / 1000} seconds.`;
    return { status: "success", message: result.active ? `Lockdown is on: checkout, payments and sign-ups are refused. ${bound}` : `Lockdown is off: the shop is open. ${bound}` };
  },
);
