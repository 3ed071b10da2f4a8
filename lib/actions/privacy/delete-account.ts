"use server";

import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cookieNames } from "@/lib/auth/session/cookies";
import { deleteMyAccount } from "@/lib/dal/privacy/my-data";
import { customerAction } from "../pipeline/audiences";
import { deleteAccountSchema } from "./delete-account-schema";

const page = "/account/privacy";

/**
 * Erases the signed-in customer's account (the DAL re-checks the step-up),
 * then signs this browser out: its session is already revoked server-side,
 * the cookie is removed so the browser stops presenting it.
 */
export const deleteAccountAction = customerAction(
  {
    returnTo: page,
    input: { fields: ["confirmation"], schema: deleteAccountSchema, echo: { confirmation: 20 } },
    // Validated first: a mistyped confirmation is answered in place, with no detour to re-authentication.
    stepUp: { when: "after-input", returnTo: () => page },
    errors: { staff_account: "Staff accounts are closed by an owner of the shop, not from this page." },
  },
  async ({ viewer, request, fail }) => {
    if (viewer.audience === "staff") return fail("staff_account");
    await deleteMyAccount(viewer, request);
    (await cookies()).delete(cookieNames.session);
    redirect("/?notice=account-deleted");
  },
);
