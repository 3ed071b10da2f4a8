"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { REVEAL_REASON_LENGTH, revealCustomerPii } from "@/lib/dal/customers/pii-reveals";
import { staffAction } from "../../pipeline/audiences";
import { customerIdField } from "./customer-id";

const { min, max } = REVEAL_REASON_LENGTH;

const revealSchema = z.object({
  customerId: customerIdField,
  reason: z
    .string()
    .trim()
    .min(min, `Say why you need to see this customer's data (at least ${min} characters, e.g. the ticket number).`)
    .max(max, `Use at most ${max} characters.`),
});

const revealPage = (customerId: string) => `/admin/customers/${customerId}/reveal`;

/**
 * Reveals one customer's personal data to the viewer for a few minutes. The
 * form reads only the customer id and the reason; the DAL re-checks the
 * permission, the reason and the recent second factor, and audits the grant.
 */
export const revealCustomerPiiAction = staffAction(
  {
    permission: "customers:reveal_pii",
    returnTo: "/admin/customers",
    input: { fields: ["customerId", "reason"], schema: revealSchema, echo: { reason: max } },
    // The reveal page asked for the factor already; a window that ran out meanwhile asks again.
    stepUp: { when: "after-input", returnTo: (input) => revealPage(input?.customerId ?? "") },
    errors: { invalid_reason: { field: "reason", message: `Give a reason of ${min} to ${max} characters.` } },
  },
  async ({ viewer, input, fail }) => {
    const customerPage = `/admin/customers/${input.customerId}`;
    const result = await revealCustomerPii(viewer, input, await auditContext());
    if (!result.ok) {
      if (result.refusal === "not_a_customer") notFound();
      if (result.refusal === "step_up_required") redirect(`/account/confirm?returnTo=${encodeURIComponent(revealPage(input.customerId))}`);
      return fail("invalid_reason");
    }
    revalidatePath(customerPage);
    redirect(customerPage);
  },
);
