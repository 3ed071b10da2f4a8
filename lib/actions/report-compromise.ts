"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { reportAccountCompromise } from "@/lib/dal/accounts/compromise-report";
import { customerAction } from "./pipeline/audiences";

/**
 * "This wasn't me" on /account/security. No step-up: the person pressing it
 * may be the owner on a device where the intruder changed the second factor,
 * and the action only takes access away (every session ends, the password is
 * locked until a reset through the owner's mailbox).
 */
export const reportCompromiseAction = customerAction(
  {
    returnTo: "/account/security",
    input: {
      fields: ["note"],
      schema: z.object({ note: z.string().trim().max(500, "Keep the note under 500 characters.").optional().default("") }),
      echo: { note: 500 },
    },
    rateLimit: { policies: (viewer) => [["compromiseReport", viewer.userId]], message: "You reported this several times already. Check your email for the reset link." },
  },
  async ({ viewer, input, request }) => {
    await reportAccountCompromise(viewer, { note: input.note || null, context: request });
    redirect("/sign-in?notice=account-locked");
  },
);
