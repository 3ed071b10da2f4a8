import { beforeEach, describe, expect, it, vi } from "vitest";
import { listAuditEntries } from "@/lib/dal/staff/audit-log";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { orderFixtures } from "@/lib/dal/orders/test-fixtures";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";

requireTestDatabaseUrl();

// The guard and the request context read Next's request scope, which a test has not got;
// the export itself runs against the database.
const guard = vi.hoisted(() => ({ viewer: null as StaffViewer | null }));
vi.mock("@/lib/guards/staff-guard", () => ({
  requireStaffPermission: vi.fn(async () => {
    if (!guard.viewer) throw new Error("no viewer");
    return guard.viewer;
  }),
}));
vi.mock("@/lib/auth/audit-context", () => ({
  auditContext: async () => ({ ip: "192.0.2.41", userAgent: "vitest audit export", requestId: "req-audit-export" }),
}));

const { GET } = await import("./route");
const { staffMember } = orderFixtures();

async function exportsBy(viewer: StaffViewer | null): Promise<number> {
  if (!viewer) throw new Error("no viewer");
  return (await listAuditEntries(viewer, { actorEmail: viewer.email, action: "audit.exported" }, 1)).total;
}
const request = (headers: Record<string, string>) => new Request("http://127.0.0.1/admin/audit/export?action=order.", { headers });

describe("GET /admin/audit/export", () => {
  beforeEach(async () => {
    guard.viewer = await staffMember("auditor");
  });

  it.each(["cross-site", "same-site"])("refuses a request another site started (Sec-Fetch-Site: %s) and exports nothing", async (site) => {
    const response = await GET(request({ "sec-fetch-site": site, "sec-fetch-mode": "navigate" }));
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).not.toContain("text/csv");
    expect(await exportsBy(guard.viewer)).toBe(0);
  });

  it.each([["same-origin"], ["none"]])("exports for a request from the shop itself (Sec-Fetch-Site: %s), audited", async (site) => {
    const response = await GET(request({ "sec-fetch-site": site }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await response.text()).split("\r\n")[0]).toContain("request id");
    expect(await exportsBy(guard.viewer)).toBe(1);
  });
});
