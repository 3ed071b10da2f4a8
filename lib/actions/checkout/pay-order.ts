"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { botGateRefusal } from "../bot-gate-state";
import { customerAction } from "../pipeline/audiences";
import { paymentPageFor } from "./start-payment";

/** Reopens the payment page of one of the viewer's unpaid orders (another customer's id gets nowhere). */
export const payOrderAction = customerAction(
  {
    returnTo: "/account/orders",
    input: { fields: ["orderId"], schema: z.object({ orderId: z.string().min(1).max(40) }) },
    invalid: () => ({ status: "error", message: "Unknown order." }),
    errors: {
      not_payable:
        "This order cannot be paid now: it may have expired, its payment may already be under way, or payments are unavailable. Try again shortly.",
    },
  },
  async ({ viewer, input, request, formData, fail }) => {
    const refused = await botGateRefusal({ action: "payment_start", formData, request, values: {}, userId: viewer.userId });
    if (refused) return refused;
    const url = await paymentPageFor(viewer, input.orderId);
    if (!url) return fail("not_payable");
    redirect(url);
  },
);
