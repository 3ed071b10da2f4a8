import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { signIn, verifiedCustomer } from "./support/accounts";
import { sql } from "./support/database";

const streetLine = "42 Privacy Mews";

/** A verified, signed-in customer with one saved address. */
async function customerWithAddress(page: Page) {
  const identity = await verifiedCustomer();
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/addresses/new");
  await page.getByLabel("Full name", { exact: true }).fill("Robin Private");
  await page.getByLabel("Street address", { exact: true }).fill(streetLine);
  await page.getByLabel("Town or city", { exact: true }).fill("Berlin");
  await page.getByLabel("Postal code").fill("10115");
  await page.getByLabel("Country").selectOption("DE");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page).toHaveURL(/\/account\/addresses\?notice=saved/);
  return identity;
}

test("download my data: a JSON attachment with my address and email, never a hash", async ({ page }) => {
  const identity = await customerWithAddress(page);
  await page.goto("/account");
  await page.getByRole("link", { name: /Privacy: download your data/ }).click();
  await expect(page).toHaveURL(/\/account\/privacy$/);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data" }).click()]);
  expect(download.suggestedFilename()).toBe("my-data.json");
  const text = await readFile(await download.path(), "utf8");
  const data = JSON.parse(text) as { profile: { email: string }; addresses: Array<{ line1: string }>; orders: unknown[] };
  expect(data.profile.email).toBe(identity.email);
  expect(data.addresses.map((address) => address.line1)).toEqual([streetLine]);
  expect(data.orders).toEqual([]);
  expect(text).not.toContain("$argon2");
  expect(text).not.toContain(identity.password);

  const response = await page.request.get("/account/privacy/export");
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(response.headers()["content-disposition"]).toBe('attachment; filename="my-data.json"');
});

test("delete my account: step-up first, then the account is gone and its password no longer works", async ({ page }) => {
  const identity = await customerWithAddress(page);
  // The sign-in was long ago, as far as the step-up window is concerned.
  await sql(`UPDATE "Session" SET "passwordVerifiedAt" = "passwordVerifiedAt" - interval '1 hour', "secondFactorVerifiedAt" = "secondFactorVerifiedAt" - interval '1 hour' WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [identity.email]);

  await page.goto("/account/privacy");
  const confirmation = page.getByLabel("Type DELETE to confirm");
  await confirmation.fill("delete");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Type DELETE in capital letters to confirm.")).toBeVisible();
  await expect(page).toHaveURL(/\/account\/privacy$/);

  await confirmation.fill("DELETE");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/account\/confirm\?returnTo=%2Faccount%2Fprivacy/);
  await page.getByLabel("Password").fill(identity.password);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/account\/privacy$/);

  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/\?notice=account-deleted$/);
  await expect(page.getByText("Your account was deleted and you are signed out.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, identity);
  await expect(page.getByText("Invalid email or password.")).toBeVisible();
});
