"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { botGateRefusal } from "../bot-gate-state";
import { publicAction } from "../pipeline/audiences";
import { statusLinkPaymentPage } from "./start-payment";

/**
 * "Pay now" on an order-status page: the status token (posted, never in a
 * URL this action builds, never echoed) is the credential, checked by the DAL.
 */
export const payStatusLinkOrderAction = publicAction(
  {
    input: { fields: ["statusToken"], schema: z.object({ statusToken: z.string().min(1).max(64) }) },
    invalid: () => ({ status: "error", message: "This link does not open an order." }),
    errors: {
      not_payable:
        "This order cannot be paid now: it may have expired, its payment may already be under way, or payments are unavailable. Try again shortly.",
    },
  },
  async ({ input, request, formData, fail }) => {
    const refused = await botGateRefusal({ action: "payment_start", formData, request, values: {} });
    if (refused) return refused;
    const url = await statusLinkPaymentPage(input.statusToken);
    if (!url) return fail("not_payable");
    redirect(url);
  },
);
