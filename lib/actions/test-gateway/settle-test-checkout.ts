"use server";

import "server-only";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { settleTestCheckout } from "@/lib/dal/payments/test-gateway";
import { gatewayMode } from "@/lib/payments/config";
import type { ActionState } from "../action-state";

const settleSchema = z.object({
  sessionId: z.string().regex(/^cs_test_[A-Za-z0-9]{10,60}$/),
  outcome: z.enum(["pay", "pay_later", "decline", "abandon"]),
});

/**
 * The shopper's choice on the test payment page. Like Stripe's hosted page it
 * needs no shop session (the unguessable checkout id is the capability); it
 * exists only while the offline test gateway is the shop's gateway.
 */
export async function settleTestCheckoutAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  if (gatewayMode() !== "test") notFound();
  const parsed = settleSchema.safeParse({ sessionId: formData.get("sessionId"), outcome: formData.get("outcome") });
  if (!parsed.success) return { status: "error", message: "Choose one of the outcomes." };
  const next = await settleTestCheckout(parsed.data.sessionId, parsed.data.outcome);
  if (!next) return { status: "error", message: "This test checkout is no longer open." };
  redirect(next);
}
