"use server";

import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { limitAction } from "@/lib/auth/rate-limit/action-limits";
import { requestContext } from "@/lib/auth/request-context";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { requestPasswordReset } from "@/lib/dal/accounts/password-reset";
import { type ActionState, fieldErrorsOf, textFields } from "./action-state";
import { emailField } from "./schemas";

const schema = z.object({ email: emailField });

/**
 * Always ends on the same "check your email" page, whether or not the address
 * has an account and whether or not it was throttled (OWASP forgot-password).
 */
export async function requestPasswordResetAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const raw = textFields(formData, ["email"]);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: { email: raw.email.slice(0, 254) } };
  }
  const context = requestContext(await headers());
  const email = normalizeEmail(parsed.data.email);
  const [byEmail, byIp] = await Promise.all([
    limitAction("passwordResetRequestByEmail", email),
    limitAction("passwordResetRequestByIp", context.ip),
  ]);
  if (byEmail.allowed && byIp.allowed) await requestPasswordReset(email, context);
  redirect("/check-email?for=password-reset");
}
