"use server";

import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCookieSession } from "@/lib/auth/current-session";
import { requestContext } from "@/lib/auth/request-context";
import { baseCookieOptions, cookieNames } from "@/lib/auth/session/cookies";
import { longestSessionSeconds } from "@/lib/auth/session/lifetimes";
import { completeSecondFactor } from "@/lib/dal/second-factor";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { type ActionState, retryMessage, textFields } from "../action-state";

/** The sign-in challenge: a code from the authenticator app, or a recovery code. */
export async function verifySecondFactorAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const pending = await getCookieSession();
  if (!pending?.secondFactorPending) redirect("/sign-in?notice=challenge-expired");
  const fields = textFields(formData, ["method", "code", "callbackUrl"]);
  const method = fields.method === "recovery_code" ? "recovery_code" : "totp";
  const jar = await cookies();
  const result = await completeSecondFactor(pending, {
    method,
    code: fields.code.slice(0, 64),
    deviceId: jar.get(cookieNames.device)?.value ?? "",
    context: requestContext(await headers()),
  });
  if (!result.ok) {
    const message =
      result.reason === "throttled"
        ? `Too many attempts. ${retryMessage(result.retryAfterSeconds)}`
        : method === "totp"
          ? "That code did not work. Enter the current 6-digit code from your authenticator app."
          : "That recovery code did not work.";
    return { status: "error", fieldErrors: { code: [message] } };
  }
  // The completed sign-in gets a new session token (a new session id on privilege change).
  jar.set(cookieNames.session, result.token, {
    ...baseCookieOptions,
    ...(result.persistent ? { maxAge: longestSessionSeconds() } : {}),
  });
  redirect(result.recoveryCodesLeft !== null ? "/account/security?notice=recovery-code-used" : safeRedirectPath(fields.callbackUrl));
}
