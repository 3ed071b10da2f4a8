import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { extractLink, waitForMail } from "./mailbox";
import { createAccounts } from "./seeded-accounts";

/** A fresh identity per test, so tests never share accounts or rate-limit counters. */
export function newIdentity() {
  const id = randomBytes(5).toString("hex");
  return {
    name: `Robin Tester ${id}`,
    email: `robin.${id}@example.test`,
    password: `violet tractor museum ${randomBytes(3).toString("hex")}`,
  };
}

export type Identity = ReturnType<typeof newIdentity>;

/**
 * A new customer whose address is already confirmed, written directly with the
 * app's own hashing (e2e/support/create-accounts.ts). For tests about what
 * happens after sign-up; the sign-up form and the mailed link have their own
 * specs (accounts.spec.ts).
 */
export async function verifiedCustomer(): Promise<Identity> {
  const [account] = await createAccounts(["customer"]);
  return { name: account!.name, email: account!.email, password: account!.password };
}

/** Signs up through the form and confirms the address from the mailed link. */
export async function signUpAndVerify(page: Page, identity: Identity): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(identity.name);
  await page.getByLabel("Email").fill(identity.email);
  await page.getByLabel("Password", { exact: true }).fill(identity.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/check-email/);

  const mail = await waitForMail({ to: identity.email, subject: /confirm your email|verify/i });
  await page.goto(extractLink(mail.text, "/verify-email"));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=email-verified/);
}

export async function signIn(page: Page, identity: Pick<Identity, "email" | "password">, remember = false) {
  if (!page.url().includes("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email").fill(identity.email);
  await page.getByLabel("Password", { exact: true }).fill(identity.password);
  if (remember) await page.getByLabel("Remember me on this device").check();
  await page.getByRole("button", { name: "Sign in" }).click();
}
