"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { limitAction } from "@/lib/auth/rate-limit/action-limits";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { requestPasswordReset } from "@/lib/dal/accounts/password-reset";
import { publicAction } from "./pipeline/audiences";
import { emailField } from "./schemas";

/**
 * Always ends on the same "check your email" page, whether or not the address
 * has an account and whether or not it was throttled (OWASP forgot-password).
 * Its limits are therefore consumed here, silently, not through the
 * pipeline's rate-limit option, whose refusal is shown to the user.
 */
export const requestPasswordResetAction = publicAction(
  { input: { fields: ["email"], schema: z.object({ email: emailField }), echo: { email: 254 } } },
  async ({ input, request }) => {
    const email = normalizeEmail(input.email);
    const [byEmail, byIp] = await Promise.all([
      limitAction("passwordResetRequestByEmail", email),
      limitAction("passwordResetRequestByIp", request.ip),
    ]);
    if (byEmail.allowed && byIp.allowed) await requestPasswordReset(email, request);
    redirect("/check-email?for=password-reset");
  },
);
