import { expect, type Page } from "@playwright/test";
import { newIdentity, signIn, signUpAndVerify } from "./accounts";
import { sql } from "./database";
import { enrolTwoFactor } from "./two-factor";

export type StaffRole = "owner" | "admin" | "catalog_manager" | "fulfilment" | "support" | "auditor";

/**
 * A staff member of `role`, signed in on `page` with two-factor enrolled and
 * the data-handling policy accepted, as the admin requires. The account starts
 * as a customer sign-up (the quickest real path to a verified address) and is
 * made staff in the database, as `npm run staff:create` would.
 */
export async function signInAsStaff(page: Page, role: StaffRole) {
  const identity = newIdentity();
  await signUpAndVerify(page, identity);
  await sql(`UPDATE "User" SET kind = 'staff', "staffRole" = $2 WHERE email = $1`, [identity.email, role]);
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account/);
  const { secret } = await enrolTwoFactor(page);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/policy$/);
  await page.getByLabel("I have read this policy and will follow it").check();
  await page.getByRole("button", { name: "Accept and continue" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  return { ...identity, secret };
}
