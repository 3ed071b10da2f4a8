"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password/hashing";
import { checkPasswordPolicy } from "@/lib/auth/password/policy";
import { completePasswordReset, findPasswordResetAccount } from "@/lib/dal/accounts/password-reset";
import { publicAction } from "./pipeline/audiences";
import { newPasswordField, tokenField } from "./schemas";

const expired = "This reset link has expired or was already used. Ask for a new one.";

/** The mailed reset link's form: the single-use token is the credential, checked by the DAL. */
export const resetPasswordAction = publicAction(
  { input: { fields: ["token", "password"], schema: z.object({ token: tokenField, password: newPasswordField }) }, errors: { expired } },
  async ({ input, request, fail }) => {
    const account = await findPasswordResetAccount(input.token);
    if (!account) return fail("expired");
    const policy = await checkPasswordPolicy(input.password, account);
    if (!policy.ok) return { status: "error", fieldErrors: { password: [policy.message] } };
    const passwordHash = await hashPassword(input.password);
    if (!(await completePasswordReset({ token: input.token, passwordHash, context: request }))) return fail("expired");
    // No automatic sign-in after a reset (OWASP): the user signs in with the new password.
    redirect("/sign-in?notice=password-reset");
  },
);
