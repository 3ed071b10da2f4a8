"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  cancelTwoFactorEnrollment,
  confirmTwoFactorEnrollment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startTwoFactorEnrollment,
} from "@/lib/dal/two-factor/settings";
import type { ActionState } from "../action-state";
import { customerAction } from "../pipeline/audiences";
import { withState } from "../pipeline/define-action";

/** An action's outcome plus recovery codes to show once (never stored in the browser). */
export type TwoFactorActionState = ActionState & { recoveryCodes?: string[] };

const page = "/account/security";
const state = withState<TwoFactorActionState>();
// Adding or removing a factor is a factor change (OWASP MFA): it needs a recent re-authentication.
const stepUp = { when: "first", returnTo: () => page } as const;
const errors = {
  /** The session ended, or its proof went stale, between the page's check and the change (a change made elsewhere). */
  session_changed: "Nothing was changed: confirm it is you again, or sign in again if this device was signed out.",
  wrong_code: { field: "code", message: "That code did not work. Enter the current 6-digit code from the app." },
};

export const startTwoFactorAction = customerAction({ returnTo: page, stepUp, state }, async ({ viewer }) => {
  await startTwoFactorEnrollment(viewer);
  revalidatePath(page);
  return { status: "idle" };
});

export const cancelTwoFactorAction = customerAction({ returnTo: page, state }, async ({ viewer }) => {
  await cancelTwoFactorEnrollment(viewer);
  revalidatePath(page);
  return { status: "idle" };
});

export const confirmTwoFactorAction = customerAction(
  {
    returnTo: page,
    state,
    input: { fields: ["code"], schema: z.object({ code: z.string().transform((code) => code.slice(0, 64)) }) },
    errors,
  },
  async ({ viewer, input, request, fail }) => {
    const result = await confirmTwoFactorEnrollment(viewer, { code: input.code, context: request });
    if (!result.ok) return fail("wrong_code");
    revalidatePath(page);
    return { status: "success", message: "Two-factor authentication is on.", recoveryCodes: result.recoveryCodes };
  },
);

export const disableTwoFactorAction = customerAction({ returnTo: page, stepUp, state, errors }, async ({ viewer, request, fail }) => {
  if (!(await disableTwoFactor(viewer, request))) return fail("session_changed");
  revalidatePath(page);
  return { status: "success", message: "Two-factor authentication is off." };
});

export const regenerateRecoveryCodesAction = customerAction({ returnTo: page, stepUp, state, errors }, async ({ viewer, request, fail }) => {
  const recoveryCodes = await regenerateRecoveryCodes(viewer, request);
  if (!recoveryCodes) return fail("session_changed");
  revalidatePath(page);
  return { status: "success", message: "Your new recovery codes replace the old ones.", recoveryCodes };
});
