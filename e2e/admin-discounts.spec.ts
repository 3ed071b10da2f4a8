import { randomBytes } from "node:crypto";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { savedState } from "./support/saved-state";

// A catalog manager runs the discount codes (discounts:manage).
test.use({ storageState: savedState("catalog_manager") });

test("a catalog manager creates a category code, sees it listed with its usage, edits and deactivates it, all audited", async ({ page }) => {
  const code = `e2e-spring-${randomBytes(3).toString("hex")}`;
  await page.goto("/admin/discounts/new");
  await page.getByLabel("Code").fill(code);
  await page.getByLabel("Kind").selectOption("fixed_amount");
  await page.getByLabel("Amount off (USD)").fill("5");
  await page.getByLabel("Minimum subtotal (USD, optional)").fill("50");
  await page.getByLabel("Uses per customer (optional)").fill("1");
  await page.getByLabel("Valid from (optional)").fill("2026-01-01");
  await page.getByLabel("Valid until (optional)").fill("2025-12-31");
  await page.getByLabel("Outdoor").check();
  await page.getByRole("button", { name: "Create discount code" }).click();
  // A refusal keeps what was typed and names the field.
  await expect(page.getByText("End on or after the start date.")).toBeVisible();
  await expect(page.getByLabel("Code")).toHaveValue(code);
  await page.getByLabel("Valid until (optional)").fill("2026-12-31");
  await page.getByRole("button", { name: "Create discount code" }).click();
  await expect(page).toHaveURL(/\/admin\/discounts\/[^/?]+\?notice=created$/);
  const stored = code.toUpperCase();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(stored);

  const [row] = await sql<{ id: string; amountOffMinor: number; minSubtotalMinor: number; perCustomerLimit: number; endsAt: Date; categories: number }>(
    `SELECT id, "amountOffMinor", "minSubtotalMinor", "perCustomerLimit", "endsAt", cardinality("categoryIds") AS categories FROM "DiscountCode" WHERE code = $1`,
    [stored],
  );
  expect(row).toMatchObject({ amountOffMinor: 500, minSubtotalMinor: 5000, perCustomerLimit: 1, categories: 1 });
  expect(row!.endsAt.toISOString()).toBe("2027-01-01T00:00:00.000Z"); // through the whole last day

  await page.goto("/admin/discounts");
  const listed = page.getByTestId("discount-row").filter({ hasText: stored });
  await expect(listed).toContainText("$5.00 off");
  await expect(listed).toContainText("Outdoor");
  await expect(listed).toContainText("0 / 0 / ∞");
  await expect(listed).toContainText("Active");

  await listed.getByRole("link", { name: stored }).click();
  await page.getByLabel("Amount off (USD)").fill("7.50");
  await page.getByRole("button", { name: "Save discount code" }).click();
  await expect(page.getByText("The discount code was saved.")).toBeVisible();
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText("The code is deactivated: no new order can use it.")).toBeVisible();

  const audit = await sql<{ action: string }>(`SELECT action FROM "AuditEntry" WHERE "targetId" = $1 ORDER BY id`, [row!.id]);
  expect(audit.map((entry) => entry.action)).toEqual(["discount.created", "discount.updated", "discount.deactivated"]);
});
