"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requestMyReturn } from "@/lib/dal/orders/returns/request-return";
import { customerAction } from "../pipeline/audiences";
import { invalidReturnRequest, returnRequestInput, returnRequestOutcome } from "./return-request-form";

/** A signed-in customer asks to return units of one of their shipped orders (bound: the order id). */
export const requestReturnAction = customerAction(
  {
    returnTo: (orderId) => `/account/orders/${encodeURIComponent(orderId ?? "")}`,
    bound: z.string().min(1).max(40),
    input: returnRequestInput,
    invalid: invalidReturnRequest,
  },
  async ({ viewer, bound, input, values, request }) => {
    const result = await requestMyReturn(viewer, { orderId: bound, units: input.units, reason: input.reason }, request);
    if (result.ok) revalidatePath(`/account/orders/${bound}`);
    return returnRequestOutcome(result, values);
  },
);
