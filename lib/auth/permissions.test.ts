import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { can, canAssignRole, PERMISSIONS, ROLE_PERMISSIONS, STAFF_ROLES } from "./permissions";

describe("staff permissions", () => {
  it("lists exactly the schema's StaffRole enum", () => {
    const body = /enum StaffRole \{([^}]*)\}/.exec(readFileSync("prisma/schema.prisma", "utf8"))?.[1] ?? "";
    expect([...STAFF_ROLES].sort()).toEqual(body.split(/\s+/).filter(Boolean).sort());
  });

  it("gives every role only known permissions, and the owner all of them", () => {
    for (const role of STAFF_ROLES) for (const permission of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(permission);
    expect([...ROLE_PERMISSIONS.owner].sort()).toEqual([...PERMISSIONS].sort());
  });

  it("keeps the auditor read-only", () => {
    const writes = ROLE_PERMISSIONS.auditor.filter((permission) => !/:(read|export)$/.test(permission));
    expect(writes).toEqual([]);
  });

  it("lets only owners and admins refund, and only holders of customers:reveal_pii see personal data", () => {
    expect(STAFF_ROLES.filter((role) => can(role, "orders:refund"))).toEqual(["owner", "admin"]);
    expect(STAFF_ROLES.filter((role) => can(role, "customers:reveal_pii"))).toEqual(["owner", "admin", "support"]);
    expect(can(null, "dashboard:read")).toBe(false);
  });

  it("lets owners, admins, support and fulfilment handle returns", () => {
    expect(STAFF_ROLES.filter((role) => can(role, "orders:returns"))).toEqual(["owner", "admin", "fulfilment", "support"]);
  });

  it("lets owners, admins and support review held orders, never the fulfilment staff who pack them", () => {
    expect(STAFF_ROLES.filter((role) => can(role, "orders:review"))).toEqual(["owner", "admin", "support"]);
  });

  it("never lets anyone grant a permission they lack", () => {
    expect(canAssignRole("owner", "owner")).toBe(true);
    expect(canAssignRole("admin", "owner")).toBe(false); // the owner's security:manage is not the admin's to give
    expect(canAssignRole("admin", "support")).toBe(true);
    for (const granter of STAFF_ROLES) {
      for (const role of STAFF_ROLES) {
        if (!canAssignRole(granter, role)) continue;
        for (const permission of ROLE_PERMISSIONS[role]) expect(can(granter, permission), `${granter} grants ${role}`).toBe(true);
      }
    }
    expect(STAFF_ROLES.filter((role) => canAssignRole("auditor", role))).toEqual([]);
  });
});
