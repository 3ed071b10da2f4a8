"use server";

import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { limitAction } from "@/lib/auth/rate-limit/action-limits";
import { requireSession } from "@/lib/guards/current-session";
import { requireRecentAuthentication } from "@/lib/auth/step-up";
import { requestContext } from "@/lib/auth/request-context";
import { confirmCurrentPassword, requestEmailChange } from "@/lib/dal/accounts/settings";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { type ActionState, fieldErrorsOf, limitRefusedMessage, textFields } from "./action-state";
import { currentPasswordField, emailField } from "./schemas";

const schema = z.object({ newEmail: emailField, password: currentPasswordField });

export async function changeEmailAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireSession("/account/security");
  requireRecentAuthentication(viewer, "/account/security");
  const raw = textFields(formData, ["newEmail", "password"]);
  const values = { newEmail: raw.newEmail.slice(0, 254) };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  if (normalizeEmail(parsed.data.newEmail) === viewer.user.email) {
    return { status: "error", fieldErrors: { newEmail: ["That is already your email address."] }, values };
  }
  const limit = await limitAction("passwordChange", viewer.userId);
  if (!limit.allowed) return { status: "error", message: limitRefusedMessage(limit, "Too many attempts."), values };
  if (!(await confirmCurrentPassword(viewer, parsed.data.password))) {
    return { status: "error", fieldErrors: { password: ["That is not your current password."] }, values };
  }
  await requestEmailChange(viewer, { newEmail: parsed.data.newEmail, context: requestContext(await headers()) });
  return {
    status: "success",
    message: "Check the new address for a confirmation link. Your email changes when you use it.",
  };
}
