"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { incidentReasonSchema } from "@/lib/dal/incident/actor";
import { KeyRotationError, requestKeyRotation } from "@/lib/dal/incident/key-rotation-run";
import { staffAction } from "../../pipeline/audiences";
import { INCIDENT_PAGE, incidentActionOptions, incidentErrors, stepUpAgain } from "./incident-form";

/** Queues key rotation for the worker (security:manage, step-up, reason); the page shows the job's state. */
export const rotateKeysAction = staffAction(
  {
    ...incidentActionOptions,
    input: { fields: ["reason"], schema: z.object({ reason: incidentReasonSchema }), echo: { reason: 500 } },
    errors: { ...incidentErrors, [KeyRotationError.alreadyRunning]: "A key rotation is already queued or running: wait for it to finish." },
  },
  async ({ viewer, input, fail }) => {
    const result = await requestKeyRotation({ kind: "staff", viewer }, input, await auditContext());
    if (!result.ok) return result.code === "step_up_required" ? stepUpAgain() : fail(result.code);
    revalidatePath(INCIDENT_PAGE);
    return { status: "success", message: "Key rotation queued: the worker runs it; its state is shown below." };
  },
);
