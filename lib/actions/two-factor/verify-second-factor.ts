"use server";

import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCookieSession } from "@/lib/guards/current-session";
import { baseCookieOptions, cookieNames, DEVICE_COOKIE_MAX_AGE_SECONDS } from "@/lib/auth/session/cookies";
import { longestSessionSeconds } from "@/lib/auth/session/lifetimes";
import { completeSecondFactor } from "@/lib/dal/two-factor/second-factor";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { factorRefusalMessage } from "./factor-refusal";
import { publicAction } from "../pipeline/audiences";

const challengeSchema = z.object({
  method: z.string().transform((method) => (method === "recovery_code" ? "recovery_code" : "totp")),
  code: z.string().transform((code) => code.slice(0, 64)),
  callbackUrl: z.string(),
});

/**
 * The sign-in challenge: a code from the authenticator app, or a recovery
 * code. Public to the pipeline because the session it completes does not
 * count as signed in yet; the pending session is checked first thing here.
 */
export const verifySecondFactorAction = publicAction(
  { input: { fields: ["method", "code", "callbackUrl"], schema: challengeSchema } },
  async ({ input, request }) => {
    const pending = await getCookieSession();
    if (!pending?.secondFactorPending) redirect("/sign-in?notice=challenge-expired");
    const { method } = input;
    const jar = await cookies();
    const result = await completeSecondFactor(pending, {
      method,
      code: input.code,
      deviceId: jar.get(cookieNames.device)?.value ?? "",
      trustedDeviceCookie: jar.get(cookieNames.trustedDevice)?.value ?? null,
      context: request,
    });
    if (!result.ok) {
      const message = factorRefusalMessage(
        result,
        method === "totp" ? "That code did not work. Enter the current 6-digit code from your authenticator app." : "That recovery code did not work.",
      );
      return { status: "error", fieldErrors: { code: [message] } };
    }
    // The completed sign-in gets a new session token (a new session id on privilege change);
    // the pipeline then issues the anti-CSRF token bound to it.
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
    redirect(result.recoveryCodesLeft !== null ? "/account/security?notice=recovery-code-used" : safeRedirectPath(input.callbackUrl));
  },
);
