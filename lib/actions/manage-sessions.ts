"use server";

import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireSession } from "@/lib/guards/current-session";
import { requireRecentAuthentication } from "@/lib/auth/step-up";
import { requestContext } from "@/lib/auth/request-context";
import { revokeMySession, revokeMySessions } from "@/lib/dal/sessions/my-sessions";
import type { ActionState } from "./action-state";

const sessionIdSchema = z.string().min(1).max(40);

export async function revokeSessionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireSession("/account/security");
  const parsed = sessionIdSchema.safeParse(formData.get("sessionId"));
  const ended = parsed.success && (await revokeMySession(viewer, parsed.data, requestContext(await headers())));
  revalidatePath("/account/security");
  return ended
    ? { status: "success", message: "That device was signed out." }
    : { status: "error", message: "That session was not found. It may have ended already." };
}

export async function revokeOtherSessionsAction(): Promise<ActionState> {
  const viewer = await requireSession("/account/security");
  requireRecentAuthentication(viewer, "/account/security");
  const ended = await revokeMySessions(viewer, "others", requestContext(await headers()));
  revalidatePath("/account/security");
  return { status: "success", message: ended === 1 ? "1 other device was signed out." : `${ended} other devices were signed out.` };
}

export async function signOutEverywhereAction(): Promise<ActionState> {
  const viewer = await requireSession("/account/security");
  requireRecentAuthentication(viewer, "/account/security");
  await revokeMySessions(viewer, "all", requestContext(await headers()));
  redirect("/sign-in?notice=signed-out-everywhere");
}
