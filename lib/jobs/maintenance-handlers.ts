import "server-only";
import { z } from "zod";
import { recordAuditCheckpoint } from "@/lib/dal/audit/checkpoint";
import { runDetection } from "@/lib/dal/audit/run-detection";
import { runKeyRotation } from "@/lib/dal/incident/key-rotation-run";
import { sweepOldRefusalCounts } from "@/lib/dal/audit/refusal-counts";
import { forgetClientAddressesOfSettledOrders } from "@/lib/dal/orders/limits";
import { deleteExpiredStatusTokens } from "@/lib/dal/orders/status-links";
import { sweepStaleGuestCarts } from "@/lib/dal/cart/retention";
import { type JobHandler, PermanentJobError } from "./job-types";

/** Maintenance runs on a schedule (see MAINTENANCE_SCHEDULES in worker-runtime.ts). */
export const maintenanceJobSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("retention.sweep") }),
  z.object({ type: z.literal("audit.checkpoint") }),
  z.object({ type: z.literal("security.detect") }),
  /** Incident response: re-encrypt every field under the current key (queued from the admin). */
  z.object({ type: z.literal("keys.rotate") }),
]);

/** `maintenance` jobs: retention sweeps that keep no data longer than it is useful, audit checkpoints, detection rules. */
export const handleMaintenanceJob: JobHandler = async (data, context) => {
  const job = maintenanceJobSchema.safeParse(data);
  if (!job.success) throw new PermanentJobError("Invalid maintenance job data.");
  if (job.data.type === "audit.checkpoint") {
    await recordAuditCheckpoint({ log: context?.log });
    return;
  }
  if (job.data.type === "keys.rotate") {
    const totals = await runKeyRotation({ jobId: context?.jobId ?? null, actor: null }, { ip: "127.0.0.1", userAgent: "worker", requestId: null });
    context?.log.info(totals, "key rotation finished");
    return;
  }
  if (job.data.type === "security.detect") {
    const { findings, opened } = await runDetection();
    if (findings.length > 0) context?.log.info({ rules: findings.map((finding) => finding.rule), opened }, "detection rules fired");
    return;
  }
  const guestCarts = await sweepStaleGuestCarts();
  const orderClientAddresses = await forgetClientAddressesOfSettledOrders();
  const refusalCounts = await sweepOldRefusalCounts();
  const orderStatusLinks = await deleteExpiredStatusTokens();
  context?.log.info({ guestCarts, orderClientAddresses, refusalCounts, orderStatusLinks }, "retention sweep");
};
