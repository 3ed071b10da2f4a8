"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentSession } from "@/lib/guards/current-session";
import { confirmEmail } from "@/lib/dal/accounts/email-verification";
import { publicAction } from "./pipeline/audiences";
import { tokenField } from "./schemas";

const messages = {
  invalid: "This link has expired or was already used. Sign in to ask for a new one.",
  taken: "That address now belongs to another account, so it could not be moved to yours.",
} as const;

/** Confirms an address from a mailed link. A POST, never the GET of the link: mail scanners follow links. */
export const confirmEmailAction = publicAction(
  {
    input: { fields: ["token"], schema: z.object({ token: tokenField }) },
    invalid: () => ({ status: "error", message: messages.invalid }),
    errors: messages,
  },
  async ({ input, request, fail }) => {
    // A browser signed in to the account keeps its session when the change ends the others.
    const current = await getCurrentSession();
    const outcome = await confirmEmail(input.token, request, current);
    if (outcome === "verified") redirect("/sign-in?notice=email-verified");
    if (outcome === "changed") redirect("/account?notice=email-changed");
    return fail(outcome);
  },
);
