"use server";

import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/guards/current-session";
import { requestContext } from "@/lib/auth/request-context";
import { cookieNames } from "@/lib/auth/session/cookies";
import { requireRecentAuthentication } from "@/lib/auth/step-up";
import { deleteMyAccount } from "@/lib/dal/privacy/my-data";
import { type ActionState, fieldErrorsOf, textFields } from "../action-state";
import { deleteAccountSchema } from "./delete-account-schema";

const page = "/account/privacy";

/**
 * Erases the signed-in customer's account (the DAL re-checks the step-up),
 * then signs this browser out: its session is already revoked server-side,
 * the cookie is removed so the browser stops presenting it.
 */
export async function deleteAccountAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireSession(page);
  const fields = textFields(formData, ["confirmation"]);
  const parsed = deleteAccountSchema.safeParse(fields);
  if (!parsed.success) {
    return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: { confirmation: fields.confirmation.slice(0, 20) } };
  }
  if (viewer.audience === "staff") {
    return { status: "error", message: "Staff accounts are closed by an owner of the shop, not from this page." };
  }
  // Validated first: a mistyped confirmation is answered in place, with no detour to re-authentication.
  requireRecentAuthentication(viewer, page);
  await deleteMyAccount(viewer, requestContext(await headers()));
  (await cookies()).delete(cookieNames.session);
  redirect("/?notice=account-deleted");
}
