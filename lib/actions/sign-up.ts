"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { hashPassword, PasswordHasherBusyError } from "@/lib/auth/password/hashing";
import { checkPasswordPolicy } from "@/lib/auth/password/policy";
import { registerAccount } from "@/lib/dal/accounts/registration";
import { assertShopOpen } from "@/lib/dal/lockdown/state";
import { botGateRefusal } from "./bot-gate-state";
import { publicAction } from "./pipeline/audiences";
import { emailField, nameField, newPasswordField } from "./schemas";

const signUpSchema = z.object({ name: nameField, email: emailField, password: newPasswordField });

export const signUpAction = publicAction(
  {
    input: { fields: ["name", "email", "password"], schema: signUpSchema, echo: { name: 100, email: 254 } },
    rateLimit: { policies: (_viewer, request) => [["signUp", request.ip]], message: "Too many sign-ups from your network." },
    errors: { busy: "The shop is busy. Please try again in a moment." },
  },
  async ({ input, request, values, formData, fail }) => {
    // Refused before the proof-of-work check and the slow hash while the shop is locked down (registerAccount checks again).
    await assertShopOpen();
    const refused = await botGateRefusal({ action: "sign_up", formData, request, values });
    if (refused) return refused;
    const policy = await checkPasswordPolicy(input.password, { email: input.email, name: input.name });
    if (!policy.ok) return { status: "error", fieldErrors: { password: [policy.message] }, values };
    try {
      // Hashed even when the address already has an account, so both paths take the same time.
      const passwordHash = await hashPassword(input.password);
      await registerAccount({ name: input.name, email: input.email, passwordHash, context: request });
    } catch (error) {
      if (error instanceof PasswordHasherBusyError) return fail("busy");
      throw error;
    }
    redirect("/check-email?for=sign-up");
  },
);
