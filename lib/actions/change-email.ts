"use server";

import "server-only";
import { z } from "zod";
import { confirmCurrentPassword, requestEmailChange } from "@/lib/dal/accounts/settings";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { customerAction } from "./pipeline/audiences";
import { currentPasswordField, emailField } from "./schemas";

const page = "/account/security";

export const changeEmailAction = customerAction(
  {
    returnTo: page,
    stepUp: { when: "first", returnTo: () => page },
    input: { fields: ["newEmail", "password"], schema: z.object({ newEmail: emailField, password: currentPasswordField }), echo: { newEmail: 254 } },
    rateLimit: { policies: (viewer) => [["passwordChange", viewer.userId]], message: "Too many attempts." },
    errors: {
      same_email: { field: "newEmail", message: "That is already your email address." },
      wrong_password: { field: "password", message: "That is not your current password." },
    },
  },
  async ({ viewer, input, request, fail }) => {
    if (normalizeEmail(input.newEmail) === viewer.user.email) return fail("same_email");
    if (!(await confirmCurrentPassword(viewer, input.password))) return fail("wrong_password");
    await requestEmailChange(viewer, { newEmail: input.newEmail, context: request });
    return {
      status: "success",
      message: "Check the new address for a confirmation link. Your email changes when you use it.",
    };
  },
);
