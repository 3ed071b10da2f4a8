"use server";

import "server-only";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { settleTestCheckout } from "@/lib/dal/payments/test-gateway";
import { gatewayMode } from "@/lib/payments/config";
import { publicAction } from "../pipeline/audiences";

const settleSchema = z.object({
  sessionId: z.string().regex(/^cs_test_[A-Za-z0-9]{10,60}$/),
  outcome: z.enum(["pay", "pay_risky", "pay_later", "decline", "abandon"]),
});

/**
 * The shopper's choice on the test payment page. Like Stripe's hosted page it
 * needs no shop session (the unguessable checkout id is the capability); it
 * exists only while the offline test gateway is the shop's gateway.
 */
export const settleTestCheckoutAction = publicAction(
  {
    input: { fields: ["sessionId", "outcome"], schema: settleSchema },
    invalid: () => ({ status: "error", message: "Choose one of the outcomes." }),
    errors: { closed: "This test checkout is no longer open." },
  },
  async ({ input, fail }) => {
    if (gatewayMode() !== "test") notFound();
    const next = await settleTestCheckout(input.sessionId, input.outcome);
    if (!next) return fail("closed");
    redirect(next);
  },
);
