"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { FulfilmentError, type FulfilmentResult, markOrderDelivered, packOrder, shipOrder } from "@/lib/dal/orders/fulfilment";
import { CARRIER_IDS, TRACKING_NUMBER_PATTERN } from "@/lib/orders/carriers";
import type { FulfillmentStatus } from "@/lib/orders/fulfillment-status";
import type { ActionState } from "../../action-state";
import { staffAction } from "../../pipeline/audiences";

const orderId = z.string().min(1).max(40);
const unknownOrder: ActionState = { status: "error", message: "Unknown order." };
const trackingHint = "Enter the tracking number: 4 to 40 letters, digits, spaces or hyphens.";

const errors = {
  [FulfilmentError.notFound]: "No such order.",
  [FulfilmentError.invalidTracking]: trackingHint,
};

function wrongState(step: string, status: FulfillmentStatus | undefined): ActionState {
  return { status: "error", message: `This order cannot be marked ${step} now (its parcel is ${status ?? "unknown"}, or it is not paid).` };
}

/** After a step that removes its own form, the page says what happened. */
function doneWithNotice(id: string, notice: "packed" | "shipped" | "delivered"): never {
  revalidatePath(`/admin/orders/${id}`);
  redirect(`/admin/orders/${id}?notice=${notice}`);
}

function outcome(result: FulfilmentResult, id: string, step: "packed" | "shipped" | "delivered", fail: (code: string) => ActionState) {
  if (result.ok) doneWithNotice(id, step);
  return result.code === FulfilmentError.wrongState ? wrongState(step, result.status) : fail(result.code);
}

const stepConfig = {
  permission: "orders:fulfil",
  returnTo: "/admin/orders",
  input: { fields: ["orderId"], schema: z.object({ orderId }) },
  invalid: () => unknownOrder,
  errors,
} as const;

export const packOrderAction = staffAction(stepConfig, async ({ viewer, input, fail }) =>
  outcome(await packOrder(viewer, input.orderId, await auditContext()), input.orderId, "packed", fail),
);

export const markDeliveredAction = staffAction(stepConfig, async ({ viewer, input, fail }) =>
  outcome(await markOrderDelivered(viewer, input.orderId, await auditContext()), input.orderId, "delivered", fail),
);

/** Shipping takes a carrier and a tracking number; both reach the customer's mail and order page. */
export const shipOrderAction = staffAction(
  {
    ...stepConfig,
    input: {
      fields: ["orderId", "carrier", "trackingNumber"],
      schema: z.object({
        orderId,
        carrier: z.enum(CARRIER_IDS, "Choose a carrier."),
        trackingNumber: z.string().trim().regex(TRACKING_NUMBER_PATTERN, trackingHint),
      }),
      echo: { carrier: 40, trackingNumber: 60 },
    },
    invalid: (fieldErrors, values) =>
      fieldErrors.orderId ? unknownOrder : { status: "error", fieldErrors: { carrier: fieldErrors.carrier, trackingNumber: fieldErrors.trackingNumber }, values },
  },
  async ({ viewer, input, fail }) => outcome(await shipOrder(viewer, input, await auditContext()), input.orderId, "shipped", fail),
);
