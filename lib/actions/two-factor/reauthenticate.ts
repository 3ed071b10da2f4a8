"use server";

import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/guards/current-session";
import { requestContext } from "@/lib/auth/request-context";
import { reauthenticate } from "@/lib/dal/two-factor/step-up";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { type ActionState, retryMessage, TEMPORARILY_UNAVAILABLE, textFields } from "../action-state";

/** Step-up: prove a factor again, then go back to the sensitive action. */
export async function reauthenticateAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireSession("/account/security");
  const fields = textFields(formData, ["method", "secret", "returnTo"]);
  const method = fields.method === "password" ? "password" : fields.method === "recovery_code" ? "recovery_code" : "totp";
  const result = await reauthenticate(viewer, {
    method,
    secret: fields.secret.slice(0, 1024),
    context: requestContext(await headers()),
  });
  if (!result.ok) {
    const message =
      result.reason === "throttled"
        ? `Too many attempts. ${retryMessage(result.retryAfterSeconds)}`
        : result.reason === "unavailable"
          ? TEMPORARILY_UNAVAILABLE
          : method === "password"
          ? "That is not your password."
          : "That code did not work.";
    return { status: "error", fieldErrors: { secret: [message] } };
  }
  redirect(safeRedirectPath(fields.returnTo, "/account/security"));
}
