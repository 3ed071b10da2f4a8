/**
 * Staff permissions (`resource:action`) and the roles that group them. This
 * table is the whole policy: the DAL, every admin action and route check it on
 * the server (hiding a button is never the protection), and the permission
 * matrix test enumerates every admin entry point against every role.
 */
export const PERMISSIONS = [
  "dashboard:read",
  "products:read",
  "products:write",
  "inventory:write",
  /** Discount codes: listing them with their usage, and creating, editing, deactivating them. */
  "discounts:read",
  "discounts:manage",
  /** Shipping zones, their rates, tax rates and whether prices include tax: what every order is charged. */
  "shipping:manage",
  "orders:read",
  "orders:fulfil",
  "orders:cancel",
  "orders:refund",
  "orders:returns",
  /** The fraud review queue: approving a held order for fulfilment, or cancelling and refunding it in full. */
  "orders:review",
  "customers:read",
  "customers:reveal_pii",
  "staff:read",
  "staff:manage",
  "audit:read",
  "audit:export",
  "security:read",
  /** Acknowledging (closing) security alerts with a note. */
  "security:respond",
  "security:manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const STAFF_ROLES = ["owner", "admin", "catalog_manager", "fulfilment", "support", "auditor"] as const;

export type StaffRoleName = (typeof STAFF_ROLES)[number];

const everything: readonly Permission[] = PERMISSIONS;

export const ROLE_PERMISSIONS: Readonly<Record<StaffRoleName, readonly Permission[]>> = {
  /** Everything, including the incident tools and making other owners. */
  owner: everything,
  /** Runs the shop day to day; cannot use the incident tools, so cannot make owners either. */
  admin: everything.filter((permission) => permission !== "security:manage"),
  /** Catalog managers set prices, so they run the discount codes too. */
  catalog_manager: ["dashboard:read", "products:read", "products:write", "inventory:write", "discounts:read", "discounts:manage", "orders:read"],
  fulfilment: ["dashboard:read", "products:read", "inventory:write", "orders:read", "orders:fulfil", "orders:returns"],
  /**
   * Support also reviews orders the fraud score held: they talk to the buyer and can check who they are, and
   * a review can only let the order ship or send the whole payment back to the card it came from (never a
   * chosen amount or elsewhere), so it needs no general refund right. Fulfilment does not review the orders
   * it would then pack (no one clears their own queue), and catalog managers and auditors have no part in it.
   */
  support: ["dashboard:read", "products:read", "orders:read", "orders:cancel", "orders:returns", "orders:review", "customers:read", "customers:reveal_pii"],
  /** Read-only, everywhere, including the audit log and its export. */
  auditor: ["dashboard:read", "products:read", "discounts:read", "orders:read", "customers:read", "staff:read", "audit:read", "audit:export", "security:read"],
};

export const ROLE_LABELS: Readonly<Record<StaffRoleName, string>> = {
  owner: "Owner",
  admin: "Administrator",
  catalog_manager: "Catalog manager",
  fulfilment: "Fulfilment",
  support: "Customer support",
  auditor: "Auditor (read-only)",
};

export function isStaffRole(value: unknown): value is StaffRoleName {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}

/** Whether `role` holds `permission`; anything that is not a known role holds nothing. */
export function can(role: StaffRoleName | null | undefined, permission: Permission): boolean {
  return isStaffRole(role) && ROLE_PERMISSIONS[role].includes(permission);
}

/** Nobody grants what they lack: a role may be given only by someone holding all of its permissions. */
export function canAssignRole(granter: StaffRoleName, role: StaffRoleName): boolean {
  return can(granter, "staff:manage") && ROLE_PERMISSIONS[role].every((permission) => can(granter, permission));
}
