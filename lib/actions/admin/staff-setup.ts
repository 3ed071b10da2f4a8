"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { hashPassword } from "@/lib/auth/password/hashing";
import { checkPasswordPolicy } from "@/lib/auth/password/policy";
import { completeStaffSetup, findStaffSetup } from "@/lib/dal/staff/accounts";
import { publicAction } from "../pipeline/audiences";
import { newPasswordField, tokenField } from "../schemas";

const expired = "This set-up link has expired or was already used. Ask an owner for a new invitation.";

/**
 * Sets a new staff member's password from their invitation; two-factor
 * enrolment follows at sign-in. Public by design: the invitee has no session
 * yet, and the single-use set-up token is the credential.
 */
export const staffSetupAction = publicAction(
  { input: { fields: ["token", "password"], schema: z.object({ token: tokenField, password: newPasswordField }) }, errors: { expired } },
  async ({ input, fail }) => {
    const account = await findStaffSetup(input.token);
    if (!account) return fail("expired");
    const policy = await checkPasswordPolicy(input.password, account);
    if (!policy.ok) return { status: "error", fieldErrors: { password: [policy.message] } };
    const passwordHash = await hashPassword(input.password);
    if (!(await completeStaffSetup({ token: input.token, passwordHash, context: await auditContext() }))) return fail("expired");
    redirect("/sign-in?callbackUrl=%2Fadmin");
  },
);
