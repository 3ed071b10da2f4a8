import "server-only";
import { z } from "zod";
import { forgetClientAddressesOfSettledOrders } from "@/lib/dal/order-limits";
import { sweepStaleGuestCarts } from "@/lib/dal/retention";
import { type JobHandler, PermanentJobError } from "./job-types";

/** Maintenance runs on a schedule (see MAINTENANCE_SCHEDULES in worker-runtime.ts). */
export const maintenanceJobSchema = z.object({ type: z.literal("retention.sweep") });

/** `maintenance` jobs: retention sweeps that keep no data longer than it is useful. */
export const handleMaintenanceJob: JobHandler = async (data, context) => {
  if (!maintenanceJobSchema.safeParse(data).success) throw new PermanentJobError("Invalid maintenance job data.");
  const guestCarts = await sweepStaleGuestCarts();
  const orderClientAddresses = await forgetClientAddressesOfSettledOrders();
  context?.log.info({ guestCarts, orderClientAddresses }, "retention sweep");
};
