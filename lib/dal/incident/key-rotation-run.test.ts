import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { handleMaintenanceJob } from "@/lib/jobs/maintenance-handlers";
import { logger } from "@/lib/log/logger";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { listKeyRotations, requestKeyRotation, runKeyRotation } from "./key-rotation-run";
import { incidentFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

const { context, staffActor, staleStepUp, auditEntries } = incidentFixtures("key-rotation");
const reason = "INC-46: a field key may have leaked with a backup";
const queued: string[] = [];

afterAll(async () => {
  await db.$executeRaw`DELETE FROM pgboss.job WHERE id::text = ANY(${queued}::text[])`;
});

describe("key rotation (incident tool 4)", () => {
  it("refuses an admin, a missing reason and a stale step-up; queues nothing", async () => {
    await expect(requestKeyRotation(await staffActor("admin"), { reason }, context)).rejects.toBeInstanceOf(PermissionDeniedError);
    const owner = await staffActor("owner");
    expect(await requestKeyRotation(owner, { reason: "short" }, context)).toEqual({ ok: false, code: "reason_invalid" });
    expect(await requestKeyRotation({ ...owner, viewer: { ...owner.viewer, ...staleStepUp } }, { reason }, context)).toEqual({ ok: false, code: "step_up_required" });
    expect(await auditEntries("incident.key_rotation_requested")).toHaveLength(0);
  });

  it("queues one rotation job for the worker, refuses a second while it is open, and the worker's run is audited and shown", async () => {
    const owner = await staffActor("owner");
    const first = await requestKeyRotation(owner, { reason }, context);
    if (!first.ok) throw new Error(first.code);
    queued.push(first.jobId);
    expect(await requestKeyRotation(owner, { reason }, context)).toEqual({ ok: false, code: "already_running" });
    const [requested] = await auditEntries("incident.key_rotation_requested");
    expect(requested).toMatchObject({ actorId: owner.viewer.userId, reason, targetType: "job", targetId: first.jobId });

    // What the worker does with the job (the queue's own delivery is pg-boss's part).
    await handleMaintenanceJob({ type: "keys.rotate" }, { queue: "maintenance", jobId: first.jobId, log: logger });
    const runs = await listKeyRotations(owner.viewer);
    const run = runs.find((entry) => entry.jobId === first.jobId);
    expect(run?.totals).toMatchObject({ interrupted: false });
    expect(run?.totals?.scanned).toBeGreaterThanOrEqual(0);
    await expect(listKeyRotations((await staffActor("admin")).viewer)).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it("the command runs it directly, audited as cli/operator with the reason", async () => {
    const totals = await runKeyRotation({ jobId: null, actor: { kind: "cli", operator: "ops" }, reason }, context);
    expect(totals.interrupted).toBe(false);
    const entry = (await auditEntries("incident.keys_rotated")).at(-1);
    expect(entry).toMatchObject({ actorId: "cli", actorRole: "operator", reason, targetType: "shop", targetId: "keys" });
  });
});
