"use server";

import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/guards/current-session";
import { requestContext } from "@/lib/auth/request-context";
import { confirmEmail } from "@/lib/dal/accounts/email-verification";
import type { ActionState } from "./action-state";
import { tokenField } from "./schemas";

const messages = {
  invalid: "This link has expired or was already used. Sign in to ask for a new one.",
  taken: "That address now belongs to another account, so it could not be moved to yours.",
} as const;

/** Confirms an address from a mailed link. A POST, never the GET of the link: mail scanners follow links. */
export async function confirmEmailAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = tokenField.safeParse(formData.get("token"));
  if (!parsed.success) return { status: "error", message: messages.invalid };
  // A browser signed in to the account keeps its session when the change ends the others.
  const current = await getCurrentSession();
  const outcome = await confirmEmail(parsed.data, requestContext(await headers()), current);
  if (outcome === "verified") redirect("/sign-in?notice=email-verified");
  if (outcome === "changed") redirect("/account?notice=email-changed");
  return { status: "error", message: messages[outcome] };
}
