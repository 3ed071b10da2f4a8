"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { acceptDataHandlingPolicy } from "@/lib/dal/staff/accounts";
import { POLICY_VERSION } from "@/lib/staff/data-handling-policy";
import { staffAction } from "../pipeline/audiences";

const messages = {
  // The version shown must be the version in force: a page left open across a change accepts nothing.
  policy_changed: "The policy changed meanwhile: read the new version.",
  not_accepted: "Tick the box to confirm you have read and accept the policy.",
};

export const acceptPolicyAction = staffAction(
  {
    permission: "dashboard:read",
    skipPolicy: true,
    returnTo: "/admin/policy",
    input: { fields: ["version", "accept"], schema: z.object({ version: z.string(), accept: z.string() }) },
    errors: messages,
  },
  async ({ viewer, input, fail }) => {
    if (input.version !== POLICY_VERSION) return fail("policy_changed");
    if (input.accept !== "on") return fail("not_accepted");
    await acceptDataHandlingPolicy(viewer, POLICY_VERSION, await auditContext());
    redirect("/admin");
  },
);
