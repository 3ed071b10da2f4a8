import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { actionMeta } from "@/lib/actions/pipeline/action-brand";
import { can, type Permission, PERMISSIONS, STAFF_ROLES } from "./permissions";

/**
 * Every admin entry point (page, route handler, server action) and the
 * permission it demands. Pages and routes are read from the source (they call
 * the guard); server actions are checked by construction: each export of a
 * "use server" module must be built by the action pipeline, whose brand names
 * its audience and permission. A new page or action that is not listed here,
 * or that demands another permission, fails the test.
 * The browser test e2e/admin-permissions.spec.ts walks the pages as each role.
 */
export const ADMIN_ENTRY_POINTS: Record<string, readonly Permission[]> = {
  "app/admin/page.tsx": ["dashboard:read"],
  "app/admin/policy/page.tsx": ["dashboard:read"],
  "app/admin/notifications/page.tsx": ["dashboard:read"],
  "lib/actions/admin/notifications/set-notification-preferences.ts": ["dashboard:read"],
  "app/admin/orders/page.tsx": ["orders:read"],
  "app/admin/orders/[id]/page.tsx": ["orders:read"],
  "app/admin/orders/[id]/packing-slip/page.tsx": ["orders:fulfil"],
  "app/admin/orders/review/page.tsx": ["orders:review"],
  "app/admin/returns/page.tsx": ["orders:returns"],
  "app/admin/audit/page.tsx": ["audit:read"],
  "app/admin/security/page.tsx": ["security:read"],
  "lib/actions/admin/security/acknowledge-alert.ts": ["security:respond"],
  "app/admin/audit/export/route.ts": ["audit:export"],
  "app/admin/security/setup/page.tsx": ["security:read"],
  "app/admin/security/incident/page.tsx": ["security:manage"],
  "app/admin/security/incident/timeline/route.ts": ["security:manage"],
  "lib/actions/admin/incident/end-sessions.ts": ["security:manage"],
  "lib/actions/admin/incident/force-password-reset.ts": ["security:manage"],
  "lib/actions/admin/incident/set-lockdown.ts": ["security:manage"],
  "lib/actions/admin/incident/rotate-keys.ts": ["security:manage"],
  "lib/actions/admin/incident/send-breach-notice.ts": ["security:manage"],
  "app/admin/products/page.tsx": ["products:read"],
  "app/admin/categories/page.tsx": ["products:read"],
  "app/admin/categories/new/page.tsx": ["products:write"],
  "app/admin/categories/[id]/page.tsx": ["products:read"],
  "lib/actions/admin/categories/save-category.ts": ["products:write"],
  "lib/actions/admin/categories/change-category-place.ts": ["products:write"],
  "app/admin/products/new/page.tsx": ["products:write"],
  "app/admin/products/[id]/page.tsx": ["products:read"],
  "app/admin/products/import/page.tsx": ["products:write"],
  "app/admin/products/import/upload/route.ts": ["products:write"],
  "app/admin/products/export/route.ts": ["products:read"],
  "lib/actions/admin/accept-policy.ts": ["dashboard:read"],
  "app/admin/discounts/page.tsx": ["discounts:read"],
  "app/admin/discounts/new/page.tsx": ["discounts:manage"],
  "app/admin/shipping/page.tsx": ["shipping:manage"],
  "lib/actions/admin/shipping/zone-actions.ts": ["shipping:manage"],
  "lib/actions/admin/shipping/rate-actions.ts": ["shipping:manage"],
  "lib/actions/admin/shipping/tax-actions.ts": ["shipping:manage"],
  "app/admin/discounts/[id]/page.tsx": ["discounts:read"],
  "lib/actions/admin/discounts/create-discount-code.ts": ["discounts:manage"],
  "lib/actions/admin/discounts/update-discount-code.ts": ["discounts:manage"],
  "lib/actions/admin/discounts/set-discount-code-active.ts": ["discounts:manage"],
  "lib/actions/admin/products/create-product.ts": ["products:write"],
  "lib/actions/admin/products/update-product.ts": ["products:write"],
  "lib/actions/admin/products/set-product-published.ts": ["products:write"],
  "lib/actions/admin/products/upload-product-image.ts": ["products:write"],
  "lib/actions/admin/products/update-product-image-alt.ts": ["products:write"],
  "lib/actions/admin/products/move-product-image.ts": ["products:write"],
  "lib/actions/admin/products/delete-product-image.ts": ["products:write"],
  "lib/actions/admin/products/adjust-inventory.ts": ["inventory:write"],
  "lib/actions/admin/products/save-variant.ts": ["products:write"],
  "lib/actions/admin/products/set-variant-archived.ts": ["products:write"],
  "lib/actions/admin/products/set-product-options.ts": ["products:write"],
  "lib/actions/admin/products/set-product-archived.ts": ["products:write"],
  "lib/actions/admin/orders/order-actions.ts": ["orders:cancel", "orders:refund"],
  "lib/actions/admin/orders/fulfilment-actions.ts": ["orders:fulfil"],
  "lib/actions/admin/orders/return-actions.ts": ["orders:returns", "orders:refund"],
  "lib/actions/admin/orders/review-actions.ts": ["orders:review"],
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

/** Actions anyone may call (the anti-CSRF token still applies), and why each needs no session. */
const PUBLIC_ACTIONS: Record<string, string> = {
  "lib/actions/admin/staff-setup.ts#staffSetupAction": PUBLIC_BY_DESIGN["lib/actions/admin/staff-setup.ts"]!,
  "lib/actions/sign-up.ts#signUpAction": "creates the account",
  "lib/actions/request-password-reset.ts#requestPasswordResetAction": "the user cannot sign in",
  "lib/actions/reset-password.ts#resetPasswordAction": "the mailed single-use token is the credential",
  "lib/actions/confirm-email.ts#confirmEmailAction": "the mailed single-use token is the credential",
  "lib/actions/two-factor/verify-second-factor.ts#verifySecondFactorAction": "the pending sign-in is not a session yet; the action checks it first",
  "lib/actions/cart/add-to-cart.ts#addToCartAction": "guests have carts",
  "lib/actions/cart/update-cart-item.ts#updateCartItemAction": "guests have carts",
  "lib/actions/cart/remove-cart-item.ts#removeCartItemAction": "guests have carts",
  "lib/actions/discounts/apply-discount-code.ts#applyDiscountCodeAction": "guests have carts; guessing is throttled per client address and per cart",
  "lib/actions/discounts/remove-discount-code.ts#removeDiscountCodeAction": "guests have carts",
  "lib/actions/test-gateway/settle-test-checkout.ts#settleTestCheckoutAction": "plays the payment provider's page: the checkout id is the capability",
  "lib/actions/checkout/place-guest-order.ts#placeGuestOrderAction": "guest checkout: the guest cart cookie is the credential; throttled per client address",
  "lib/actions/checkout/pay-guest-order.ts#payGuestOrderAction": "the guest cart cookie that placed the order is the credential",
  "lib/actions/checkout/pay-status-link-order.ts#payStatusLinkOrderAction": "the mailed order-status token is the credential",
  "lib/actions/returns/request-return-by-status-link.ts#requestReturnByStatusLinkAction": "the mailed order-status token is the credential, verified by the DAL before the order is read",
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Actions that demand a second factor proven within the step-up window (sensitive changes, PII, money). */
const STEP_UP_ACTIONS = [
  "lib/actions/change-email.ts#changeEmailAction",
  "lib/actions/change-password.ts#changePasswordAction",
  "lib/actions/manage-sessions.ts#revokeOtherSessionsAction",
  "lib/actions/manage-sessions.ts#signOutEverywhereAction",
  "lib/actions/privacy/delete-account.ts#deleteAccountAction",
  "lib/actions/two-factor/manage-two-factor.ts#startTwoFactorAction",
  "lib/actions/two-factor/manage-two-factor.ts#disableTwoFactorAction",
  "lib/actions/two-factor/manage-two-factor.ts#regenerateRecoveryCodesAction",
  "lib/actions/admin/customers/reveal-customer-pii.ts#revealCustomerPiiAction",
  "lib/actions/admin/orders/order-actions.ts#refundOrderAction",
  "lib/actions/admin/orders/return-actions.ts#refundReturnAction",
  "lib/actions/admin/orders/review-actions.ts#cancelHeldOrderAction",
  "lib/actions/admin/incident/end-sessions.ts#endSessionsAction",
  "lib/actions/admin/incident/force-password-reset.ts#forcePasswordResetAction",
  "lib/actions/admin/incident/set-lockdown.ts#setLockdownAction",
  "lib/actions/admin/incident/rotate-keys.ts#rotateKeysAction",
  "lib/actions/admin/incident/send-breach-notice.ts#sendBreachNoticeAction",
];

const isServerModule = (file: string) => /\.tsx?$/.test(file) && /^["']use server["']/m.test(readFileSync(file, "utf8"));

/** Every module of server actions: the files marked "use server" (other files are shared helpers, not endpoints). */
const actionModules = [...filesUnder("lib/actions"), ...filesUnder("app")].filter(isServerModule);

const pageEntries = filesUnder("app/admin").filter((file) => /\/(page\.tsx|route\.ts)$/.test(file));
const adminActionModules = actionModules.filter((file) => file.startsWith("lib/actions/admin/") && !(file in PUBLIC_BY_DESIGN));
const entryFiles = [...pageEntries, ...adminActionModules];

async function exportsOf(file: string): Promise<[string, unknown][]> {
  return Object.entries(await import(/* @vite-ignore */ resolve(file)));
}

const guardCalls = (source: string) => [...source.matchAll(/requireStaffPermission\(\s*"([a-z_]+:[a-z_]+)"/g)].map((match) => match[1]);

describe("admin entry points", () => {
  it("lists every admin page, route and action, and nothing that does not exist", () => {
    expect(entryFiles.sort()).toEqual(Object.keys(ADMIN_ENTRY_POINTS).sort());
  });

  it.each(pageEntries.map((file) => [file]))("the page or route %s demands exactly its listed permissions", (file) => {
    const source = readFileSync(file, "utf8");
    expect([...new Set(guardCalls(source))].sort()).toEqual([...(ADMIN_ENTRY_POINTS[file] ?? [])].sort());
    for (const permission of guardCalls(source)) expect(PERMISSIONS).toContain(permission);
  });

  it.each(actionModules.map((file) => [file]))("%s exports only actions built by the pipeline", async (file) => {
    const exported = await exportsOf(file);
    expect(exported.length).toBeGreaterThan(0);
    for (const [name, value] of exported) expect(actionMeta(value), `${file}#${name}`).toBeDefined();
  });

  it.each(adminActionModules.map((file) => [file]))("every action in %s is a staff action demanding its listed permissions", async (file) => {
    const permissions = new Set<string | undefined>();
    for (const [name, value] of await exportsOf(file)) {
      const meta = actionMeta(value);
      expect(meta?.audience, `${file}#${name}`).toBe("staff");
      permissions.add(meta?.permission);
    }
    expect([...permissions].sort()).toEqual([...(ADMIN_ENTRY_POINTS[file] ?? [])].sort());
  });

  it("lets only the listed actions run without a session", async () => {
    const publicActions: string[] = [];
    for (const file of actionModules) {
      for (const [name, value] of await exportsOf(file)) if (actionMeta(value)?.audience === "public") publicActions.push(`${file}#${name}`);
    }
    expect(publicActions.sort()).toEqual(Object.keys(PUBLIC_ACTIONS).sort());
  });

  it("demands step-up on exactly the listed actions", async () => {
    const stepUp: string[] = [];
    for (const file of actionModules) {
      for (const [name, value] of await exportsOf(file)) if (actionMeta(value)?.stepUp) stepUp.push(`${file}#${name}`);
    }
    expect(stepUp.sort()).toEqual([...STEP_UP_ACTIONS].sort());
  });

  it("refuses an exported function that did not go through the pipeline (the check bites)", () => {
    const handWritten = async () => ({ status: "success" as const });
    expect(actionMeta(handWritten)).toBeUndefined();
  });

  it("gives each role exactly the entry points its permissions allow (the matrix)", () => {
    const matrix = Object.fromEntries(
      STAFF_ROLES.map((role) => [role, Object.entries(ADMIN_ENTRY_POINTS).filter(([, needs]) => needs.some((p) => can(role, p))).map(([file]) => file)]),
    );
    // Spot checks that pin the table's intent; the full table is ROLE_PERMISSIONS.
    expect(matrix.owner).toHaveLength(Object.keys(ADMIN_ENTRY_POINTS).length);
    expect(matrix.auditor).toContain("app/admin/audit/export/route.ts");
    expect(matrix.support).not.toContain("app/admin/audit/page.tsx");
    expect(matrix.catalog_manager).not.toContain("lib/actions/admin/orders/order-actions.ts");
    expect(matrix.catalog_manager).not.toContain("lib/actions/admin/orders/fulfilment-actions.ts");
    expect(matrix.fulfilment).toContain("lib/actions/admin/orders/fulfilment-actions.ts");
    expect(matrix.fulfilment).not.toContain("lib/actions/admin/orders/order-actions.ts");
    for (const role of ["owner", "admin", "support", "fulfilment"] as const) expect(matrix[role]).toContain("app/admin/returns/page.tsx");
    expect(matrix.auditor).not.toContain("app/admin/returns/page.tsx");
    expect(matrix.catalog_manager).not.toContain("lib/actions/admin/orders/return-actions.ts");
    // The read-only auditor sees alerts but cannot close them; the admin can.
    expect(matrix.auditor).toContain("app/admin/security/page.tsx");
    expect(matrix.auditor).not.toContain("lib/actions/admin/security/acknowledge-alert.ts");
    expect(matrix.admin).toContain("lib/actions/admin/security/acknowledge-alert.ts");
    expect(matrix.support).not.toContain("app/admin/security/page.tsx");
  });
});
