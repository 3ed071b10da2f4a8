"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentShopper } from "@/lib/guards/current-shopper";
import { botGateRefusal } from "../bot-gate-state";
import { publicAction } from "../pipeline/audiences";
import { guestPaymentPageFor } from "./start-payment";

/** Reopens the payment page of one of the guest's unpaid orders: only the browser whose cart placed it gets anywhere. */
export const payGuestOrderAction = publicAction(
  {
    input: { fields: ["orderId"], schema: z.object({ orderId: z.string().min(1).max(40) }) },
    invalid: () => ({ status: "error", message: "Unknown order." }),
    errors: {
      not_payable:
        "This order cannot be paid now: it may have expired, its payment may already be under way, or payments are unavailable. Try again shortly.",
    },
  },
  async ({ input, request, formData, fail }) => {
    const refused = await botGateRefusal({ action: "payment_start", formData, request, values: {} });
    if (refused) return refused;
    const url = await guestPaymentPageFor(await currentShopper(), input.orderId);
    if (!url) return fail("not_payable");
    redirect(url);
  },
);
