import { expect, test } from "./support/fixtures";
import { signIn, verifiedCustomer } from "./support/accounts";

async function signedInCustomer(page: import("@playwright/test").Page) {
  const identity = await verifiedCustomer();
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  return identity;
}

async function fillAddress(page: import("@playwright/test").Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
}

test("add, correct, edit, make default and delete addresses", async ({ page }) => {
  await signedInCustomer(page);
  await page.goto("/account/addresses");
  await expect(page.getByText("You have no saved addresses yet.")).toBeVisible();

  await page.getByRole("link", { name: "Add an address" }).click();
  await fillAddress(page, { "Full name": "Jane Roe", "Street address": "1 Main Street", "Town or city": "Springfield", "Postal code": "ABC" });
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByText("This postal code does not look right for the chosen country.")).toBeVisible();
  await expect(page.getByLabel("Street address", { exact: true })).toHaveValue("1 Main Street");

  await page.getByLabel("Postal code").fill("62704");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page).toHaveURL(/\/account\/addresses\?notice=saved/);
  const list = page.getByRole("list", { name: "Saved addresses" }).getByRole("listitem");
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText("Default");

  await page.getByRole("link", { name: "Add an address" }).click();
  await fillAddress(page, { "Full name": "Jane Roe", "Street address": "10 Downing Street", "Town or city": "London", "Postal code": "sw1a 2aa" });
  await page.getByLabel("Country").selectOption("GB");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(list).toHaveCount(2);
  await expect(page.getByText("SW1A 2AA")).toBeVisible();

  await list.filter({ hasText: "Downing" }).getByRole("button", { name: "Make default" }).click();
  await expect(list.first()).toContainText("Downing");
  await expect(list.first()).toContainText("Default");

  await list.filter({ hasText: "Main Street" }).getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Street address", { exact: true }).fill("2 Main Street");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByText("2 Main Street")).toBeVisible();

  await list.filter({ hasText: "2 Main Street" }).getByRole("button", { name: "Delete" }).click();
  await expect(list).toHaveCount(1);
});

test("another customer's address answers 404", async ({ page, browser }) => {
  await signedInCustomer(page);
  await page.goto("/account/addresses/new");
  await page.getByLabel("Full name", { exact: true }).fill("Private Person");
  await page.getByLabel("Street address", { exact: true }).fill("5 Hidden Lane");
  await page.getByLabel("Town or city", { exact: true }).fill("Secretville");
  await page.getByLabel("Postal code").fill("10115");
  await page.getByLabel("Country").selectOption("DE");
  await page.getByRole("button", { name: "Save address" }).click();
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(/\/account\/addresses\/[^/]+\/edit$/);
  const editUrl = page.url();

  const other = await browser.newContext();
  const intruder = await other.newPage();
  await signedInCustomer(intruder);
  const response = await intruder.goto(editUrl);
  expect(response?.status()).toBe(404);
  await expect(intruder.getByText("5 Hidden Lane")).toHaveCount(0);
  await other.close();
});
