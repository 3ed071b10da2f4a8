import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { can, type Permission, PERMISSIONS, STAFF_ROLES } from "./permissions";

/**
 * Every admin entry point (page, route handler, server action) and the
 * permission it demands. The test below reads the source: a new page or
 * action that is not listed here, or that guards with another permission, or
 * an exported action whose body does not call the guard first, fails it.
 * The browser test e2e/admin-permissions.spec.ts walks the pages as each role.
 */
export const ADMIN_ENTRY_POINTS: Record<string, readonly Permission[]> = {
  "app/admin/page.tsx": ["dashboard:read"],
  "app/admin/policy/page.tsx": ["dashboard:read"],
  "app/admin/orders/page.tsx": ["orders:read"],
  "app/admin/orders/[id]/page.tsx": ["orders:read"],
  "app/admin/audit/page.tsx": ["audit:read"],
  "app/admin/audit/export/route.ts": ["audit:export"],
  "app/admin/products/page.tsx": ["products:read"],
  "app/admin/products/new/page.tsx": ["products:write"],
  "app/admin/products/[id]/page.tsx": ["products:read"],
  "lib/actions/admin/accept-policy.ts": ["dashboard:read"],
  "lib/actions/admin/products/create-product.ts": ["products:write"],
  "lib/actions/admin/products/update-product.ts": ["products:write"],
  "lib/actions/admin/products/set-product-published.ts": ["products:write"],
  "lib/actions/admin/products/upload-product-image.ts": ["products:write"],
  "lib/actions/admin/products/adjust-inventory.ts": ["inventory:write"],
  "lib/actions/admin/orders/order-actions.ts": ["orders:fulfil", "orders:cancel", "orders:refund"],
  "lib/actions/admin/audit/verify-audit-log.ts": ["audit:read"],
  "app/admin/customers/page.tsx": ["customers:read"],
  "app/admin/customers/[id]/page.tsx": ["customers:read"],
  "app/admin/customers/[id]/reveal/page.tsx": ["customers:reveal_pii"],
  "app/admin/staff/page.tsx": ["staff:read"],
  "lib/actions/admin/customers/reveal-customer-pii.ts": ["customers:reveal_pii"],
  "lib/actions/admin/staff/invite-staff.ts": ["staff:manage"],
  "lib/actions/admin/staff/change-staff-role.ts": ["staff:manage"],
  "lib/actions/admin/staff/deactivate-staff.ts": ["staff:manage"],
};

/** Entry points that are not staff-only by design, and why. */
const PUBLIC_BY_DESIGN: Record<string, string> = {
  "lib/actions/admin/staff-setup.ts": "the invitee has no session yet: the single-use set-up token is the credential",
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const entryFiles = [
  ...filesUnder("app/admin").filter((file) => /\/(page\.tsx|route\.ts)$/.test(file)),
  // Server actions are the files marked "use server"; other files there are shared helpers, not endpoints.
  ...filesUnder("lib/actions/admin").filter((file) => file.endsWith(".ts") && /^["']use server["']/m.test(readFileSync(file, "utf8"))),
].filter((file) => !(file in PUBLIC_BY_DESIGN));

const guardCalls = (source: string) => [...source.matchAll(/requireStaffPermission\(\s*"([a-z_]+:[a-z_]+)"/g)].map((match) => match[1]);

describe("admin entry points", () => {
  it("lists every admin page, route and action, and nothing that does not exist", () => {
    expect(entryFiles.sort()).toEqual(Object.keys(ADMIN_ENTRY_POINTS).sort());
  });

  it.each(entryFiles.map((file) => [file]))("%s demands exactly its listed permissions", (file) => {
    const source = readFileSync(file, "utf8");
    expect([...new Set(guardCalls(source))].sort()).toEqual([...(ADMIN_ENTRY_POINTS[file] ?? [])].sort());
    for (const permission of guardCalls(source)) expect(PERMISSIONS).toContain(permission);
  });

  it.each(entryFiles.filter((file) => file.startsWith("lib/actions/")).map((file) => [file]))(
    "every server action in %s calls the guard before anything else it awaits",
    (file) => {
      const source = readFileSync(file, "utf8");
      const actions = source.split(/\nexport async function /).slice(1);
      expect(actions.length).toBeGreaterThan(0);
      for (const body of actions) {
        const firstAwait = /await\s+([A-Za-z_.]+)\(/.exec(body)?.[1];
        expect(firstAwait, body.slice(0, 60)).toBe("requireStaffPermission");
      }
    },
  );

  it("gives each role exactly the entry points its permissions allow (the matrix)", () => {
    const matrix = Object.fromEntries(
      STAFF_ROLES.map((role) => [role, Object.entries(ADMIN_ENTRY_POINTS).filter(([, needs]) => needs.some((p) => can(role, p))).map(([file]) => file)]),
    );
    // Spot checks that pin the table's intent; the full table is ROLE_PERMISSIONS.
    expect(matrix.owner).toHaveLength(Object.keys(ADMIN_ENTRY_POINTS).length);
    expect(matrix.auditor).toContain("app/admin/audit/export/route.ts");
    expect(matrix.support).not.toContain("app/admin/audit/page.tsx");
    expect(matrix.catalog_manager).not.toContain("lib/actions/admin/orders/order-actions.ts");
    expect(matrix.fulfilment).toContain("lib/actions/admin/orders/order-actions.ts");
  });
});
