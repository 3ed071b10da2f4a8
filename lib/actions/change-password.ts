"use server";

import "server-only";
import { z } from "zod";
import { checkPasswordPolicy } from "@/lib/auth/password/policy";
import { changePassword, confirmCurrentPassword } from "@/lib/dal/accounts/settings";
import { customerAction } from "./pipeline/audiences";
import { currentPasswordField, newPasswordField } from "./schemas";

const page = "/account/security";

export const changePasswordAction = customerAction(
  {
    returnTo: page,
    stepUp: { when: "first", returnTo: () => page },
    input: { fields: ["currentPassword", "newPassword"], schema: z.object({ currentPassword: currentPasswordField, newPassword: newPasswordField }) },
    rateLimit: { policies: (viewer) => [["passwordChange", viewer.userId]], message: "Too many attempts." },
    errors: {
      wrong_password: { field: "currentPassword", message: "That is not your current password." },
      session_changed: "Your session has ended or needs you to confirm it is you again. Reload the page.",
    },
  },
  async ({ viewer, input, request, fail }) => {
    if (!(await confirmCurrentPassword(viewer, input.currentPassword))) return fail("wrong_password");
    const policy = await checkPasswordPolicy(input.newPassword, viewer.user);
    if (!policy.ok) return { status: "error", fieldErrors: { newPassword: [policy.message] } };
    if (!(await changePassword(viewer, { newPassword: input.newPassword, context: request }))) return fail("session_changed");
    return { status: "success", message: "Your password was changed and your other devices were signed out. We sent you an email to confirm." };
  },
);
