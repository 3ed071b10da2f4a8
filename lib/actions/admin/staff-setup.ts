"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { hashPassword } from "@/lib/auth/password/hashing";
import { checkPasswordPolicy } from "@/lib/auth/password/policy";
import { completeStaffSetup, findStaffSetup } from "@/lib/dal/staff/accounts";
import { type ActionState, fieldErrorsOf, textFields } from "../action-state";
import { newPasswordField, tokenField } from "../schemas";

const schema = z.object({ token: tokenField, password: newPasswordField });
const expired = "This set-up link has expired or was already used. Ask an owner for a new invitation.";

/** Sets a new staff member's password from their invitation; two-factor enrolment follows at sign-in. */
export async function staffSetupAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = schema.safeParse(textFields(formData, ["token", "password"]));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const account = await findStaffSetup(parsed.data.token);
  if (!account) return { status: "error", message: expired };
  const policy = await checkPasswordPolicy(parsed.data.password, account);
  if (!policy.ok) return { status: "error", fieldErrors: { password: [policy.message] } };
  const passwordHash = await hashPassword(parsed.data.password);
  if (!(await completeStaffSetup({ token: parsed.data.token, passwordHash, context: await auditContext() }))) {
    return { status: "error", message: expired };
  }
  redirect("/sign-in?callbackUrl=%2Fadmin");
}
