"use server";

import "server-only";
import { queueVerificationMail } from "@/lib/dal/accounts/mail-requests";
import { customerAction } from "./pipeline/audiences";

export const resendVerificationAction = customerAction(
  {
    returnTo: "/account",
    rateLimit: { policies: (viewer) => [["verificationResend", viewer.userId]], message: "You asked for several links already." },
  },
  async ({ viewer }) => {
    if (viewer.user.emailVerified) return { status: "success", message: "Your email address is already verified." };
    await queueVerificationMail(viewer.userId);
    return { status: "success", message: "We sent a new verification link. Check your inbox." };
  },
);
