"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { requireRecentAuthentication } from "@/lib/auth/step-up";
import { REVEAL_REASON_LENGTH, revealCustomerPii } from "@/lib/dal/customers/pii-reveals";
import { type ActionState, fieldErrorsOf, textFields } from "../../action-state";
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

/**
 * Reveals one customer's personal data to the viewer for a few minutes. The
 * form reads only the customer id and the reason; the DAL re-checks the
 * permission, the reason and the recent second factor, and audits the grant.
 */
export async function revealCustomerPiiAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireStaffPermission("customers:reveal_pii", { returnTo: "/admin/customers" });
  const fields = textFields(formData, ["customerId", "reason"]);
  const values = { reason: fields.reason.slice(0, max) };
  const parsed = revealSchema.safeParse(fields);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };

  const customerPage = `/admin/customers/${parsed.data.customerId}`;
  // The reveal page asked for the factor already; a window that ran out meanwhile asks again.
  requireRecentAuthentication(viewer, `${customerPage}/reveal`);
  const result = await revealCustomerPii(viewer, parsed.data, await auditContext());
  if (!result.ok) {
    if (result.refusal === "not_a_customer") notFound();
    if (result.refusal === "step_up_required") redirect(`/account/confirm?returnTo=${encodeURIComponent(`${customerPage}/reveal`)}`);
    return { status: "error", fieldErrors: { reason: [`Give a reason of ${min} to ${max} characters.`] }, values };
  }
  revalidatePath(customerPage);
  redirect(customerPage);
}
