import { describe, expect, it } from "vitest";
import { nodeSupport, nodeSupportNotice, parseReleaseSchedule } from "./node-support";

const table = { "20": "2026-04-30", "24": "2028-04-30" };

describe("Node.js end of life", () => {
  it("is supported until the last day of the schedule, and over the day after", () => {
    expect(nodeSupport("v20.20.2", new Date("2025-12-01T00:00:00Z"), table).status).toBe("supported");
    expect(nodeSupport("20.20.2", new Date("2026-04-30T23:59:59Z"), table)).toMatchObject({ status: "ending-soon", daysLeft: 0 });
    expect(nodeSupport("20.20.2", new Date("2026-05-01T00:00:00Z"), table).status).toBe("end-of-life");
    expect(nodeSupport("24.21.0", new Date("2026-12-07T00:00:00Z"), table)).toMatchObject({ major: 24, status: "supported", endOfLife: "2028-04-30" });
  });

  it("warns within 90 days of the end, and knows nothing of majors the table lacks", () => {
    expect(nodeSupport("24.1.0", new Date("2028-02-15T00:00:00Z"), table).status).toBe("ending-soon");
    expect(nodeSupport("27.0.0", new Date("2028-02-15T00:00:00Z"), table)).toMatchObject({ status: "unknown", endOfLife: null });
  });

  it("words a notice only when action is due", () => {
    expect(nodeSupportNotice(nodeSupport("20.1.0", new Date("2026-12-07T00:00:00Z"), table))).toMatch(/Node.js 20 reached its end of life on 2026-04-30/);
    expect(nodeSupportNotice(nodeSupport("24.1.0", new Date("2026-12-07T00:00:00Z"), table))).toBeNull();
  });

  it("the built-in table knows the runtime the project targets", () => {
    expect(nodeSupport("24.0.0", new Date("2026-12-07T00:00:00Z")).endOfLife).toBe("2028-04-30");
  });

  it("reads the release schedule's JSON and refuses what is not one", () => {
    expect(parseReleaseSchedule({ v0_12: { end: "2016-12-31" }, v22: { start: "2024-04-24", end: "2027-04-30" }, v99: { start: "2040-01-01" } })).toEqual({ "22": "2027-04-30" });
    expect(() => parseReleaseSchedule("<html>")).toThrow();
    expect(() => parseReleaseSchedule({ hello: 1 })).toThrow(/no releases/);
  });
});
