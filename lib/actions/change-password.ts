"use server";

import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { checkPasswordPolicy } from "@/lib/auth/password/policy";
import { limitAction } from "@/lib/auth/rate-limit/action-limits";
import { requireSession } from "@/lib/guards/current-session";
import { requireRecentAuthentication } from "@/lib/auth/step-up";
import { requestContext } from "@/lib/auth/request-context";
import { changePassword, confirmCurrentPassword } from "@/lib/dal/accounts/settings";
import { type ActionState, fieldErrorsOf, limitRefusedMessage, textFields } from "./action-state";
import { currentPasswordField, newPasswordField } from "./schemas";

const schema = z.object({ currentPassword: currentPasswordField, newPassword: newPasswordField });

export async function changePasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireSession("/account/security");
  requireRecentAuthentication(viewer, "/account/security");
  const parsed = schema.safeParse(textFields(formData, ["currentPassword", "newPassword"]));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };

  const limit = await limitAction("passwordChange", viewer.userId);
  if (!limit.allowed) return { status: "error", message: limitRefusedMessage(limit, "Too many attempts.") };
  if (!(await confirmCurrentPassword(viewer, parsed.data.currentPassword))) {
    return { status: "error", fieldErrors: { currentPassword: ["That is not your current password."] } };
  }
  const policy = await checkPasswordPolicy(parsed.data.newPassword, viewer.user);
  if (!policy.ok) return { status: "error", fieldErrors: { newPassword: [policy.message] } };

  const changed = await changePassword(viewer, { newPassword: parsed.data.newPassword, context: requestContext(await headers()) });
  if (!changed) return { status: "error", message: "Your session has ended or needs you to confirm it is you again. Reload the page." };
  return { status: "success", message: "Your password was changed and your other devices were signed out. We sent you an email to confirm." };
}
