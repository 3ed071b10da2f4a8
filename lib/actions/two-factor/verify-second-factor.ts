"use server";

import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCookieSession } from "@/lib/guards/current-session";
import { requestContext } from "@/lib/auth/request-context";
import { baseCookieOptions, cookieNames, DEVICE_COOKIE_MAX_AGE_SECONDS } from "@/lib/auth/session/cookies";
import { longestSessionSeconds } from "@/lib/auth/session/lifetimes";
import { completeSecondFactor } from "@/lib/dal/two-factor/second-factor";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { type ActionState, retryMessage, TEMPORARILY_UNAVAILABLE, textFields } from "../action-state";

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
    trustedDeviceCookie: jar.get(cookieNames.trustedDevice)?.value ?? null,
    context: requestContext(await headers()),
  });
  if (!result.ok) {
    const message =
      result.reason === "throttled"
        ? `Too many attempts. ${retryMessage(result.retryAfterSeconds)}`
        : result.reason === "unavailable"
          ? TEMPORARILY_UNAVAILABLE
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
  // The completed sign-in makes this browser a trusted device for the account (lib/auth/device-cookie.ts).
  jar.set(cookieNames.trustedDevice, result.deviceCookie, {
    ...baseCookieOptions,
    sameSite: "strict",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
  redirect(result.recoveryCodesLeft !== null ? "/account/security?notice=recovery-code-used" : safeRedirectPath(fields.callbackUrl));
}
