"use server";

import "server-only";
import { z } from "zod";
import { requestReturnByStatusToken } from "@/lib/dal/orders/returns/status-link-returns";
import { publicAction } from "../pipeline/audiences";
import { invalidReturnRequest, returnRequestInput, returnRequestOutcome } from "./return-request-form";

/**
 * A guest asks to return units of the order their status link opens (bound:
 * the link's token, which the DAL verifies before anything else; the page
 * already holds it in its URL, and the action never echoes it).
 */
export const requestReturnByStatusLinkAction = publicAction(
  {
    bound: z.string().min(1).max(64),
    input: returnRequestInput,
    invalid: invalidReturnRequest,
  },
  async ({ bound, input, values }) => returnRequestOutcome(await requestReturnByStatusToken(bound, { units: input.units, reason: input.reason }), values),
);
