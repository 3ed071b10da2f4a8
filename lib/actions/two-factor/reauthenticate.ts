"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { reauthenticate } from "@/lib/dal/two-factor/step-up";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { factorRefusalMessage } from "./factor-refusal";
import { customerAction } from "../pipeline/audiences";

const reauthenticateSchema = z.object({
  method: z.string().transform((method) => (method === "password" ? "password" : method === "recovery_code" ? "recovery_code" : "totp")),
  secret: z.string().transform((secret) => secret.slice(0, 1024)),
  returnTo: z.string(),
});

/** Step-up: prove a factor again, then go back to the sensitive action. */
export const reauthenticateAction = customerAction(
  { returnTo: "/account/security", input: { fields: ["method", "secret", "returnTo"], schema: reauthenticateSchema } },
  async ({ viewer, input, request }) => {
    const { method } = input;
    const result = await reauthenticate(viewer, { method, secret: input.secret, context: request });
    if (!result.ok) {
      const message = factorRefusalMessage(result, method === "password" ? "That is not your password." : "That code did not work.");
      return { status: "error", fieldErrors: { secret: [message] } };
    }
    redirect(safeRedirectPath(input.returnTo, "/account/security"));
  },
);
