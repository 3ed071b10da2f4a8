"use server";

import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password/hashing";
import { checkPasswordPolicy } from "@/lib/auth/password/policy";
import { requestContext } from "@/lib/auth/request-context";
import { completePasswordReset, findPasswordResetAccount } from "@/lib/dal/accounts/password-reset";
import { type ActionState, fieldErrorsOf, textFields } from "./action-state";
import { newPasswordField, tokenField } from "./schemas";

const schema = z.object({ token: tokenField, password: newPasswordField });
const expired = "This reset link has expired or was already used. Ask for a new one.";

export async function resetPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = schema.safeParse(textFields(formData, ["token", "password"]));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const account = await findPasswordResetAccount(parsed.data.token);
  if (!account) return { status: "error", message: expired };
  const policy = await checkPasswordPolicy(parsed.data.password, account);
  if (!policy.ok) return { status: "error", fieldErrors: { password: [policy.message] } };

  const passwordHash = await hashPassword(parsed.data.password);
  const context = requestContext(await headers());
  if (!(await completePasswordReset({ token: parsed.data.token, passwordHash, context }))) {
    return { status: "error", message: expired };
  }
  // No automatic sign-in after a reset (OWASP): the user signs in with the new password.
  redirect("/sign-in?notice=password-reset");
}
