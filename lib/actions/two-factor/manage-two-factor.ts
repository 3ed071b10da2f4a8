"use server";

import "server-only";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { requireSession } from "@/lib/guards/current-session";
import { requestContext } from "@/lib/auth/request-context";
import { requireRecentAuthentication } from "@/lib/auth/step-up";
import {
  cancelTwoFactorEnrollment,
  confirmTwoFactorEnrollment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startTwoFactorEnrollment,
} from "@/lib/dal/two-factor/settings";
import type { ActionState } from "../action-state";

/** An action's outcome plus recovery codes to show once (never stored in the browser). */
export type TwoFactorActionState = ActionState & { recoveryCodes?: string[] };

const page = "/account/security";
/** The session ended, or its proof went stale, between the page's check and the change (a change made elsewhere). */
const sessionChanged: TwoFactorActionState = {
  status: "error",
  message: "Nothing was changed: confirm it is you again, or sign in again if this device was signed out.",
};

/** Adding a factor is a factor change too (OWASP MFA): it needs a recent re-authentication. */
export async function startTwoFactorAction(): Promise<TwoFactorActionState> {
  const viewer = await requireSession(page);
  requireRecentAuthentication(viewer, page);
  await startTwoFactorEnrollment(viewer);
  revalidatePath(page);
  return { status: "idle" };
}

export async function cancelTwoFactorAction(): Promise<TwoFactorActionState> {
  const viewer = await requireSession(page);
  await cancelTwoFactorEnrollment(viewer);
  revalidatePath(page);
  return { status: "idle" };
}

export async function confirmTwoFactorAction(_previous: TwoFactorActionState, formData: FormData): Promise<TwoFactorActionState> {
  const viewer = await requireSession(page);
  const code = formData.get("code");
  const result = await confirmTwoFactorEnrollment(viewer, {
    code: typeof code === "string" ? code.slice(0, 64) : "",
    context: requestContext(await headers()),
  });
  if (!result.ok) {
    return { status: "error", fieldErrors: { code: ["That code did not work. Enter the current 6-digit code from the app."] } };
  }
  revalidatePath(page);
  return { status: "success", message: "Two-factor authentication is on.", recoveryCodes: result.recoveryCodes };
}

export async function disableTwoFactorAction(): Promise<TwoFactorActionState> {
  const viewer = await requireSession(page);
  requireRecentAuthentication(viewer, page);
  if (!(await disableTwoFactor(viewer, requestContext(await headers())))) return sessionChanged;
  revalidatePath(page);
  return { status: "success", message: "Two-factor authentication is off." };
}

export async function regenerateRecoveryCodesAction(): Promise<TwoFactorActionState> {
  const viewer = await requireSession(page);
  requireRecentAuthentication(viewer, page);
  const recoveryCodes = await regenerateRecoveryCodes(viewer, requestContext(await headers()));
  if (!recoveryCodes) return sessionChanged;
  revalidatePath(page);
  return { status: "success", message: "Your new recovery codes replace the old ones.", recoveryCodes };
}
