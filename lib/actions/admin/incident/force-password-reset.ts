"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/audit-context";
import { forcePasswordReset } from "@/lib/dal/incident/force-password-reset";
import { staffAction } from "../../pipeline/audiences";
import { accountCohortInput, INCIDENT_PAGE, incidentActionOptions, incidentErrors, stepUpAgain } from "./incident-form";

/** Makes a cohort reset their passwords and ends their sessions (security:manage, step-up, reason). The acting owner is left out. */
export const forcePasswordResetAction = staffAction({ ...incidentActionOptions, input: accountCohortInput, errors: incidentErrors }, async ({ viewer, input, fail, values }) => {
  const result = await forcePasswordReset({ kind: "staff", viewer }, input, await auditContext());
  if (!result.ok) return result.code === "step_up_required" ? stepUpAgain() : fail(result.code);
  revalidatePath(INCIDENT_PAGE);
  const self = result.skippedSelf ? " Your own account was left out." : "";
  return {
    status: "success",
    message: `${result.accounts} account(s) must reset their password before signing in again; ${result.sessionsEnded} session(s) ended.${self}`,
    values: { cohort: values.cohort ?? "" },
  };
});
