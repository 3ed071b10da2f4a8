"use server";

import "server-only";
import { limitAction } from "@/lib/auth/rate-limit/action-limits";
import { requireSession } from "@/lib/guards/current-session";
import { queueVerificationMail } from "@/lib/dal/accounts/mail-requests";
import { type ActionState, limitRefusedMessage } from "./action-state";

export async function resendVerificationAction(): Promise<ActionState> {
  const viewer = await requireSession("/account");
  if (viewer.user.emailVerified) return { status: "success", message: "Your email address is already verified." };
  const limit = await limitAction("verificationResend", viewer.userId);
  if (!limit.allowed) return { status: "error", message: limitRefusedMessage(limit, "You asked for several links already.") };
  await queueVerificationMail(viewer.userId);
  return { status: "success", message: "We sent a new verification link. Check your inbox." };
}
