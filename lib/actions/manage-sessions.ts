"use server";

import "server-only";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revokeMySession, revokeMySessions } from "@/lib/dal/sessions/my-sessions";
import { customerAction } from "./pipeline/audiences";

const page = "/account/security";
const notFound = "That session was not found. It may have ended already.";

export const revokeSessionAction = customerAction(
  {
    returnTo: page,
    input: { fields: ["sessionId"], schema: z.object({ sessionId: z.string().min(1).max(40) }) },
    invalid: () => ({ status: "error", message: notFound }),
    errors: { not_found: notFound },
  },
  async ({ viewer, input, request, fail }) => {
    const ended = await revokeMySession(viewer, input.sessionId, request);
    revalidatePath(page);
    return ended ? { status: "success", message: "That device was signed out." } : fail("not_found");
  },
);

export const revokeOtherSessionsAction = customerAction(
  { returnTo: page, stepUp: { when: "first", returnTo: () => page } },
  async ({ viewer, request }) => {
    const ended = await revokeMySessions(viewer, "others", request);
    revalidatePath(page);
    return { status: "success", message: ended === 1 ? "1 other device was signed out." : `${ended} other devices were signed out.` };
  },
);

export const signOutEverywhereAction = customerAction(
  { returnTo: page, stepUp: { when: "first", returnTo: () => page } },
  async ({ viewer, request }) => {
    await revokeMySessions(viewer, "all", request);
    redirect("/sign-in?notice=signed-out-everywhere");
  },
);
