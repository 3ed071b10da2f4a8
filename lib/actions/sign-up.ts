"use server";

import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { hashPassword, PasswordHasherBusyError } from "@/lib/auth/password/hashing";
import { checkPasswordPolicy } from "@/lib/auth/password/policy";
import { limitAction } from "@/lib/auth/rate-limit/action-limits";
import { requestContext } from "@/lib/auth/request-context";
import { registerAccount } from "@/lib/dal/accounts/registration";
import { type ActionState, fieldErrorsOf, limitRefusedMessage, textFields } from "./action-state";
import { emailField, nameField, newPasswordField } from "./schemas";

const signUpSchema = z.object({ name: nameField, email: emailField, password: newPasswordField });

export async function signUpAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const raw = textFields(formData, ["name", "email", "password"]);
  const values = { name: raw.name.slice(0, 100), email: raw.email.slice(0, 254) };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };

  const context = requestContext(await headers());
  const limit = await limitAction("signUp", context.ip);
  if (!limit.allowed) {
    return { status: "error", message: limitRefusedMessage(limit, "Too many sign-ups from your network."), values };
  }
  const policy = await checkPasswordPolicy(parsed.data.password, { email: parsed.data.email, name: parsed.data.name });
  if (!policy.ok) return { status: "error", fieldErrors: { password: [policy.message] }, values };

  try {
    // Hashed even when the address already has an account, so both paths take the same time.
    const passwordHash = await hashPassword(parsed.data.password);
    await registerAccount({ name: parsed.data.name, email: parsed.data.email, passwordHash, context });
  } catch (error) {
    if (error instanceof PasswordHasherBusyError) {
      return { status: "error", message: "The shop is busy. Please try again in a moment.", values };
    }
    throw error;
  }
  redirect("/check-email?for=sign-up");
}
