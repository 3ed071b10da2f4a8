"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/audit-context";
import { endSessionsForCohort } from "@/lib/dal/incident/end-sessions";
import { staffAction } from "../../pipeline/audiences";
import { accountCohortInput, INCIDENT_PAGE, incidentActionOptions, incidentErrors, stepUpAgain } from "./incident-form";

/** Ends every session of a cohort (security:manage, step-up, reason; audited by the DAL). The owner's own session is kept. */
export const endSessionsAction = staffAction({ ...incidentActionOptions, input: accountCohortInput, errors: incidentErrors }, async ({ viewer, input, fail, values }) => {
  const result = await endSessionsForCohort({ kind: "staff", viewer }, input, await auditContext());
  if (!result.ok) return result.code === "step_up_required" ? stepUpAgain() : fail(result.code);
  revalidatePath(INCIDENT_PAGE);
  const kept = result.keptOwnSession ? " Your own session here was kept." : "";
  const unmatched = result.unmatched ? ` ${result.unmatched} listed address(es) have no account.` : "";
  return { status: "success", message: `Ended ${result.sessionsEnded} session(s) of ${result.accounts} account(s).${kept}${unmatched}`, values: { cohort: values.cohort ?? "" } };
});
