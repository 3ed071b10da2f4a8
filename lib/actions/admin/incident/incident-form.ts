import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { incidentReasonSchema, IncidentRefusal } from "@/lib/dal/incident/actor";
import { parseAccountCohort } from "@/lib/dal/incident/cohorts";
import type { ErrorMessages } from "../../pipeline/error-copy";

/** The page every incident action returns to (and through step-up, back to). */
export const INCIDENT_PAGE = "/admin/security/incident";

/** What every incident action shares: the permission, step-up after a valid form, the reason's refusal text. */
export const incidentActionOptions = {
  permission: "security:manage",
  returnTo: INCIDENT_PAGE,
  stepUp: { when: "after-input", returnTo: () => INCIDENT_PAGE },
} as const;

export const incidentErrors: ErrorMessages = {
  [IncidentRefusal.reasonInvalid]: { field: "reason", message: "Give a reason of 10 to 500 characters." },
};

/** The DAL's step-up refusal (the window ran out between the check and the change) sends the owner to confirm again. */
export function stepUpAgain(): never {
  redirect(`/account/confirm?returnTo=${encodeURIComponent(INCIDENT_PAGE)}`);
}

/** A cohort of accounts and a reason: the form of "end sessions" and "force a password reset". */
export const accountCohortFormSchema = z
  .object({ cohort: z.string().max(20), emails: z.string().max(40_000), reason: incidentReasonSchema })
  .transform((raw, context) => {
    const cohort = parseAccountCohort(raw.cohort, raw.emails);
    if (!cohort.ok) {
      context.addIssue({ code: "custom", path: [cohort.field], message: cohort.message });
      return z.NEVER;
    }
    return { cohort: cohort.cohort, reason: raw.reason };
  });

export const accountCohortInput = {
  fields: ["cohort", "emails", "reason"],
  schema: accountCohortFormSchema,
  echo: { cohort: 20, emails: 40_000, reason: 500 },
} as const;
