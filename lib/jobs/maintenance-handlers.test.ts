import { describe, expect, it } from "vitest";
import { maintenanceJobSchema } from "./maintenance-handlers";
import { MAINTENANCE_SCHEDULES } from "./worker-runtime";

describe("maintenance schedules", () => {
  it("write an audit checkpoint every minute, apart from the nightly sweep", () => {
    const checkpoint = MAINTENANCE_SCHEDULES.find((schedule) => schedule.data.type === "audit.checkpoint");
    expect(checkpoint).toMatchObject({ cron: "* * * * *", key: "audit-checkpoint" });
    expect(MAINTENANCE_SCHEDULES.find((schedule) => schedule.data.type === "retention.sweep")?.key).toBeUndefined();
    for (const schedule of MAINTENANCE_SCHEDULES) expect(maintenanceJobSchema.safeParse(schedule.data).success).toBe(true);
  });
});
