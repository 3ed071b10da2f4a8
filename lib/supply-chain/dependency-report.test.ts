import { describe, expect, it } from "vitest";
import { dependencyReport, formatDependencyReport, parseOutdated, scheduleDiffers } from "./dependency-report";

const installed = [
  { name: "next", version: "16.4.6" },
  { name: "@scope/old", version: "1.0.0" },
];
const now = new Date("2026-12-07T00:00:00Z");
const offline = () => Promise.reject(new Error("getaddrinfo ENOTFOUND registry.npmjs.org"));

describe("deps:check", () => {
  it("says 'unavailable' for every source it cannot reach, and still dates the runtime from the built-in table", async () => {
    const report = await dependencyReport(installed, { outdatedJson: offline, fetchJson: offline, registry: "https://registry.npmjs.org/" }, "20.20.2", now);
    const lines = formatDependencyReport(report);
    expect(lines[0]).toMatch(/^Outdated packages: unavailable \(getaddrinfo ENOTFOUND/);
    expect(lines[1]).toMatch(/^Deprecated packages: unavailable/);
    expect(lines[2]).toBe("Node.js 20.20.2: end of life 2026-04-30 (end-of-life; release schedule unavailable (getaddrinfo ENOTFOUND registry.npmjs.org); built-in table)");
  });

  it("npm's offline error JSON and a schedule that is not one are unavailable, not 'nothing outdated'", async () => {
    const npmOffline = async () => JSON.stringify({ error: { code: "ECONNREFUSED", summary: "request to the registry failed" } });
    const notSchedule = async () => "<html>captive portal</html>";
    const report = await dependencyReport(installed, { outdatedJson: npmOffline, fetchJson: notSchedule, registry: "https://registry.npmjs.org/" }, "24.21.0", now);
    expect(report.outdated).toEqual({ unavailable: "request to the registry failed" });
    expect(report.node).toMatchObject({ source: "built-in table", endOfLife: "2028-04-30" });
    expect(() => parseOutdated(JSON.stringify({ error: { code: "ENOTFOUND", summary: "request failed" } }))).toThrow("request failed");
    expect(parseOutdated("{}")).toEqual([]);
  });

  it("online: lists outdated and deprecated packages and uses the release schedule", async () => {
    const requested: string[] = [];
    const fetchJson = async (url: string) => {
      requested.push(url);
      if (url.includes("schedule.json")) return { v20: { end: "2026-04-30" }, v24: { end: "2028-04-30" }, v26: { end: "2029-04-30" } };
      return url.endsWith("/@scope%2Fold/1.0.0") ? { deprecated: "no longer maintained" } : { version: "x" };
    };
    const outdatedJson = async () => JSON.stringify({ next: { current: "16.4.6", wanted: "16.4.7", latest: "16.5.0" } });
    const report = await dependencyReport(installed, { outdatedJson, fetchJson, registry: "https://registry.example/" }, "24.21.0", now);
    expect(report.outdated).toEqual([{ name: "next", current: "16.4.6", wanted: "16.4.7", latest: "16.5.0" }]);
    expect(report.deprecated).toEqual([{ name: "@scope/old", version: "1.0.0", message: "no longer maintained" }]);
    expect(report.node).toMatchObject({ endOfLife: "2028-04-30", status: "supported", source: "release schedule" });
    expect(requested).toContain("https://registry.example/next/16.4.6");
  });

  it("notices when the release schedule knows more than the built-in table", () => {
    expect(scheduleDiffers({ "24": "2028-04-30" }, { "24": "2028-04-30" })).toBe(false);
    expect(scheduleDiffers({ "24": "2028-04-30", "28": "2031-04-30" }, { "24": "2028-04-30" })).toBe(true);
  });
});
