"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/audit-context";
import type { ActionState } from "@/lib/actions/action-state";
import { BreachNoticeError, previewBreachNotice, sendBreachNotice } from "@/lib/dal/incident/breach-notice";
import { staffAction } from "../../pipeline/audiences";
import { withState } from "../../pipeline/define-action";
import { breachNoticeFormSchema } from "./breach-notice-schema";
import { INCIDENT_PAGE, incidentActionOptions, incidentErrors, stepUpAgain } from "./incident-form";

/** The form's state: with a preview of the mail as one recipient would read it. */
export type BreachNoticeState = ActionState & { preview?: { subject: string; text: string } };

const fields = ["intent", "subject", "body", "cohort", "from", "to", "emails", "reason"] as const;

/**
 * Previews or sends a breach notice (security:manage, step-up; sending needs a
 * reason and is audited by the DAL). Sending queues one mail per recipient.
 */
export const sendBreachNoticeAction = staffAction(
  {
    ...incidentActionOptions,
    input: { fields, schema: breachNoticeFormSchema, echo: { subject: 200, body: 10_000, cohort: 30, from: 30, to: 30, emails: 40_000, reason: 500 } },
    errors: {
      ...incidentErrors,
      [BreachNoticeError.templateInvalid]: { field: "body", message: "Use only the placeholders {{name}}, {{shopName}} and {{siteUrl}}." },
      [BreachNoticeError.noRecipients]: "Nobody is in that cohort: nothing was sent.",
      [BreachNoticeError.windowInvalid]: { field: "from", message: "Give a start before the end of the window." },
    },
    state: withState<BreachNoticeState>(),
  },
  async ({ viewer, input, fail, values }): Promise<BreachNoticeState> => {
    const preview = previewBreachNotice(input.template);
    if ("error" in preview) return fail(BreachNoticeError.templateInvalid);
    if (input.intent === "preview") return { status: "idle", preview: { subject: preview.subject, text: preview.text }, values };
    const result = await sendBreachNotice({ kind: "staff", viewer }, { ...input.template, cohort: input.cohort, reason: input.reason }, await auditContext());
    if (!result.ok) return result.code === "step_up_required" ? stepUpAgain() : fail(result.code);
    revalidatePath(INCIDENT_PAGE);
    return { status: "success", message: `Breach notice queued for ${result.recipients} recipient(s). Delivery is shown below.` };
  },
);
